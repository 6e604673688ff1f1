"""The yearly report: its figures and prose from the data, as a document independent of format."""
