#!/usr/bin/python3
"""Verifies every DKIM-Signature of a message with dkimpy (python3-dkim), reading the public keys from a file instead of DNS.

Usage: dkim_verify.py RECORDS MESSAGE
RECORDS has one line per key: "<selector>._domainkey.<domain> <TXT record value>".
Prints one line per signature ("pass" or "fail", the algorithm and selector) and exits 0 only when there is at least one
signature and every signature verifies; 1 when one fails; 2 on a usage error.
"""
import re
import sys

import dkim


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2

    records = {}
    with open(sys.argv[1], encoding="ascii") as lines:
        for line in lines:
            name, _, value = line.strip().partition(" ")
            if name:
                records[name.lower().rstrip(".")] = value.encode("ascii")

    def lookup(name, timeout=5):
        key = (name.decode("ascii") if isinstance(name, bytes) else name).lower().rstrip(".")
        return records.get(key)

    with open(sys.argv[2], "rb") as message_file:
        message = message_file.read()

    verifier = dkim.DKIM(message, minkey=1024)
    count = len(re.findall(rb"^DKIM-Signature:", message, re.IGNORECASE | re.MULTILINE))
    if count == 0:
        print("none: the message has no DKIM-Signature")
        return 1

    failed = 0
    for index in range(count):
        try:
            ok = verifier.verify(idx=index, dnsfunc=lookup)
        except dkim.DKIMException as error:
            ok = False
            print(f"error: {error}")
        signature = verifier.signature_fields or {}
        algorithm = signature.get(b"a", b"?").decode()
        selector = signature.get(b"s", b"?").decode()
        print(f"{'pass' if ok else 'fail'} {algorithm} {selector}")
        failed += 0 if ok else 1

    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
