"""eventwire: news → political event data (CAMEO/PLOVER events, actors, quotes, dates), offline.

    import eventwire
    doc = eventwire.code_text(text, published="2021-12-22")
    for ev in doc.events:
        print(ev.source.actor.code, ev.cameo, ev.target.actor.code if ev.target else None)
"""

from .config import Settings
from .errors import (
    ConfigError,
    EventwireError,
    InputError,
    InputTooLargeError,
    KnowledgeError,
    ModelError,
    StoreError,
)
from .explain import explain_text
from .pipeline import code_document, code_documents, code_file, code_text
from .records import (
    Actor,
    CodedDocument,
    DateRef,
    Decision,
    Document,
    Event,
    Evidence,
    Mention,
    Part,
    PartKind,
    Quote,
)
from .store import Store
from .version import CODER_VERSION, __version__

__all__ = [
    "CODER_VERSION",
    "Actor",
    "CodedDocument",
    "Decision",
    "ConfigError",
    "DateRef",
    "Document",
    "Event",
    "EventwireError",
    "Evidence",
    "InputError",
    "InputTooLargeError",
    "KnowledgeError",
    "Mention",
    "ModelError",
    "Part",
    "PartKind",
    "Quote",
    "Settings",
    "Store",
    "StoreError",
    "__version__",
    "code_document",
    "code_documents",
    "code_file",
    "code_text",
    "explain_text",
]
