"""Surrey's 2015 review of its Local Safeguarding Children Board (the corpus's only standalone
LSCB review), read from the layout text the corpus ingest reads.

The corpus file is byte for byte the PDF of ``surrey_2015_lscb_review`` (the same SHA-256);
this golden checks the cached layout text path against the same reading of the report,
re-checked on the corpus text: "Surrey Safeguarding Children Board" above the title
"Review of the effectiveness of the Local Safeguarding Children" / "Board"; "Inspection
date: 15 June 2015 – 17 June 2015"; "Report published: 3 August 2015"; the one judgement
"The Local Safeguarding Children Board requires improvement"; "Lead inspector: Dominic
Stevens, HMI" (page 14); "Recommendations" (page 6), eight bullets without timescales.
"""

from tests.ingest.parsers.golden.surrey_2015_lscb_review import EXPECTED as _PDF

EXPECTED = {**_PDF, "sources": ["corpus/surrey-2015-08-03-children-s-services-inspection"]}
