"""`python -m bench`: the dashboard's speed at national scale, beside the floor and a peer.

One module per figure: dataset (build or reuse the database), queries (chart queries, their
floor SQL and naive pandas twins), datasette (the peer over HTTP), extract (CSV extract in a
child process), importing (a 100,000-row import and its undo), report (table and JSON line);
pages and browser time the Streamlit pages and the real browser.
"""
