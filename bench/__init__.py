"""`python -m bench`: the dashboard's speed at national scale, beside the floor and a peer.

One module per figure: dataset (build or reuse the database), queries (the chart queries timed),
floor and pandas_twin (the same aggregates as plain SQL and as naive pandas), datasette (the
peer over HTTP), extract (CSV extract in a child process), importing (a 100,000-row import and
its undo), pages (Streamlit page reruns), browser, redraw and cpu (the real browser). runner
takes them into a BenchResult (result), report prints it, cli is the command.
"""
