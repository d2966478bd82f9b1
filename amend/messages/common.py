"""Messages shared by every area: the CLI's frame around an error or a warning."""

MESSAGES: dict[str, tuple[str, str]] = {
    "common.error": ("error: {text}", "fel: {text}"),
    "common.warning": ("warning: {text}", "varning: {text}"),
    "common.bug": (
        "error: amend failed unexpectedly ({kind}: {detail}). Nothing was written. "
        "Run again with --debug and report it.",
        "fel: amend avbröts oväntat ({kind}: {detail}). Ingenting skrevs. "
        "Kör samma kommando igen med --debug och rapportera felet.",
    ),
}
