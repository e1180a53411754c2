"""Room voting: each person grades on their own phone over the local network (DESIGN §10).

- ``tokens``    the room code in the join address and each phone's token
- ``addresses`` the laptop's local addresses, and what to tell the facilitator about them
- ``qr``        the join address as a QR code
- ``phone_text``, ``items``  what a phone shows: its words and the statements to grade
- ``phones``    the room's rules: who may join, what a phone may see and change
- ``server``    the aiohttp app serving the phone page, on a thread of its own

Nothing here imports Qt; the window drives the room through ``ui/room_bridge.py``
and the command line through ``rater_desktop/cli/serve.py``.
"""
