"""The protocol-level load test: simulated leaders on Streamlit's websocket, no browser."""
