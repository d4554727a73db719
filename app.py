"""yxsumm web form: ``python app.py [--host HOST] [--port PORT] [--model FOLDER]``."""

from __future__ import annotations

import argparse
import logging

from yxsumm.webapp import launch


def main() -> None:
    """Parse the command line and start the Gradio server."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", help="address to listen on (default: $GRADIO_SERVER_NAME or 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default: $GRADIO_SERVER_PORT or 7860)")
    parser.add_argument("--model", help="model folder (default: the bundled model)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    launch(host=args.host, port=args.port, model=args.model)


if __name__ == "__main__":
    main()
