"""afweging report FILE --out MEMO.pdf [--lang nl|en] [--sign KEY.p12 --password-env VAR |
[--pkcs11-lib LIB] --token-label L --key-label K --pin-env VAR] [--reason TEXT] [--allow-draft]
[--level B-B|B-T|B-LT|B-LTA --tsa-url URL --validation-data FILE... | --fetch-validation-data]"""

from __future__ import annotations

import argparse

from ..i18n import N_, gettext, ngettext

HELP = N_("write the decision memo as PDF, with the decision data attached, optionally signed (PAdES)")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file", metavar="FILE", help=gettext(".afweging, .json, .toml, .dmsy/.yaml, .csv or .xlsx")
    )
    p.add_argument("--out", metavar="MEMO.pdf", required=True)
    p.add_argument(
        "--lang",
        choices=("nl", "en"),
        default=None,
        help=gettext("language of the memo (default: the user's locale)"),
    )
    p.add_argument("--force", action="store_true", help=gettext("replace MEMO.pdf if it exists"))
    g = p.add_argument_group(gettext("signing with a PKCS#12 file"))
    g.add_argument(
        "--sign", metavar="KEY.p12", help=gettext("sign with the key and certificate in this file")
    )
    g.add_argument(
        "--password-env", metavar="VAR", help=gettext("environment variable that holds its password")
    )
    t = p.add_argument_group(gettext("signing with a PKCS#11 token (smartcard)"))
    t.add_argument("--pkcs11-lib", metavar="LIB",
                   help=gettext("the token's PKCS#11 module (.so/.dll; default: the usual smartcard middleware found here)"))  # fmt: skip
    t.add_argument("--token-label", metavar="L")
    t.add_argument("--key-label", metavar="K")
    t.add_argument("--cert-label", metavar="C", help=gettext("certificate label, when not the key's"))
    t.add_argument("--pin-env", metavar="VAR", help=gettext("environment variable that holds the PIN"))
    p.add_argument("--reason", metavar="TEXT", default="", help=gettext("reason shown with the signature"))
    p.add_argument("--allow-draft", action="store_true",
                   help=gettext("sign even when the status is draft/concept or no decision is recorded"))  # fmt: skip
    v = p.add_argument_group(gettext("a signature that stays valid after the certificate expires"))
    v.add_argument("--level", choices=("B-B", "B-T", "B-LT", "B-LTA"), type=str.upper,
                   help=gettext("PAdES level (default B-T with --tsa-url, else B-B); B-LT and B-LTA embed validation data"))  # fmt: skip
    v.add_argument(
        "--tsa-url", metavar="URL", help=gettext("time-stamp authority to ask (connects to that address)")
    )
    v.add_argument("--validation-data", metavar="FILE", action="append", default=[],
                   help=gettext("CA certificate, CRL or OCSP response to embed (PEM or DER); repeat for several"))  # fmt: skip
    v.add_argument("--fetch-validation-data", action="store_true",
                   help=gettext("allow connecting to the CRL and OCSP addresses in the certificates"))  # fmt: skip
    p.add_argument("--samples", type=int, default=None, metavar="N",
                   help=gettext("weightings for the robustness section (default: the file's robustness setting; 0 leaves it out)"))  # fmt: skip
    p.add_argument(
        "--seed",
        type=int,
        default=None,
        metavar="S",
        help=gettext("seed of the robustness sampling (default: the file's setting)"),
    )


def _secret(var: str | None, what: str, flag: str) -> str:
    import os

    from ..errors import InputError

    if not var:
        raise InputError(
            gettext("give {flag} VAR: the name of the environment variable that holds {what}").format(
                flag=flag, what=what
            )
        )
    # Read once and removed: child processes (a PKCS#11 module's helpers, a viewer) do not inherit it.
    value = os.environ.pop(var, None)
    if value is None:
        raise InputError(
            gettext("environment variable {var} is not set; it should hold {what}").format(
                var=var, what=what
            ),
            place=flag,
        )
    return value


def key_from_args(args: argparse.Namespace):  # noqa: ANN201 - SigningKey | None, imported lazily
    from ..errors import InputError
    from ..report.sign import Pkcs11Key, Pkcs12Key

    if args.sign and (args.pkcs11_lib or args.token_label):
        raise InputError(gettext("choose one way to sign: --sign KEY.p12 or a token (--token-label)"))
    if args.sign:
        return Pkcs12Key(
            args.sign, _secret(args.password_env, gettext("the key file's password"), "--password-env")
        )
    if args.pkcs11_lib or args.token_label:
        from ..report.sign import default_pkcs11_lib

        if not args.token_label or not args.key_label:
            raise InputError(gettext("signing with a token needs --token-label and --key-label"))
        lib = args.pkcs11_lib or default_pkcs11_lib()
        if not lib:
            raise InputError(
                gettext("no PKCS#11 library found in the usual places; give it with --pkcs11-lib LIB")
            )
        return Pkcs11Key(lib, args.token_label, args.key_label,
                         _secret(args.pin_env, gettext("the token's PIN"), "--pin-env"), args.cert_label)  # fmt: skip
    if args.password_env or args.pin_env or args.key_label:
        raise InputError(
            gettext("a password, PIN or token label without a key: add --sign KEY.p12 or --pkcs11-lib LIB")
        )
    return None


def run(args: argparse.Namespace) -> int:
    import os

    from ..errors import InputError
    from ..report.export import export_memo
    from .common import refuse_overwrite

    if os.path.abspath(args.out) == os.path.abspath(args.file):
        raise InputError(gettext("is the evaluation itself; choose another output"), args.out)
    if args.samples is not None and args.samples < 0:
        raise InputError(gettext("--samples must be 0 or more, not {samples}").format(samples=args.samples))
    key = key_from_args(args)
    lon = _longevity(args, key)
    refuse_overwrite(args.out, args.force)
    ev, audit = _load_with_audit(args.file)
    if key is not None and not args.allow_draft:
        from ..report.export import signing_concerns

        concerns = signing_concerns(ev)
        if concerns:
            raise InputError(
                gettext("not signed: {concerns}; sign it anyway with --allow-draft").format(
                    concerns="; ".join(concerns)
                ),
                args.file,
            )
    res = export_memo(
        ev,
        args.out,
        lang=args.lang,
        key=key,
        reason=args.reason,
        audit=audit,
        samples=args.samples,
        seed=args.seed,
        longevity=lon,
    )
    pages = ngettext("{n} page", "{n} pages", res.pages).format(n=res.pages)
    if res.signed and lon:
        signed = gettext("signed by {signer} (PAdES {level})").format(signer=res.signer, level=lon.level)
    else:
        signed = gettext("not signed")
    done = gettext("{pages}, {signed}; decision data SHA-256 {digest}")
    print(f"{args.out}: " + done.format(pages=pages, signed=signed, digest=res.digest))
    return 0


def _longevity(args: argparse.Namespace, key: object):  # noqa: ANN202 - ltv.Longevity | None
    from ..errors import InputError
    from ..report.ltv import longevity

    if key is None:
        if args.level or args.tsa_url or args.validation_data or args.fetch_validation_data:
            raise InputError(
                gettext("a signature level, TSA or validation data without a key: add --sign or a token")
            )
        return None
    return longevity(args.level, args.tsa_url, None, args.validation_data, args.fetch_validation_data)


def _load_with_audit(path: str):  # noqa: ANN202
    from pathlib import Path

    from .common import load

    if Path(path).suffix.lower() == ".afweging":
        from ..store import Store

        with Store.open(path, readonly=True) as st:
            return st.evaluation, st.audit()
    return load(path), None
