"""Voting from the participants' own devices over the room's network, with nothing in the cloud.

One file, one job:

``round``   a voting round: the participants, one unguessable token and form nonce each, open → closed → gone
``form``    a posted vote, checked as strictly as an XLSX ballot, and the one change it becomes
``limits``  the per-client request rate limit
``page``    the phone-sized HTML pages (vote, group result, refusal), nl and en, no external assets
``server``  the HTTP server (aiohttp) on one chosen address, in a background thread with a clean stop
``relay``   hands a vote from the server's thread to the thread that owns the project file
``qr``      QR codes of the participants' links (segno; PNG, made locally)

The core never imports Qt: the desktop app and ``afweging workshop serve`` both drive these.
"""
