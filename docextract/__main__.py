from docextract.cli import main

main()
