"""`python -m seed [--scale N] [--seed S] [--database-url URL]`."""

from seed.run import main

if __name__ == "__main__":
    main()
