from ofsted_cli.cli import main

main()
