"""Bournemouth, Christchurch and Poole's focused visit letter of November 2020 (autumn 2020,
COVID-era, fully remote), read off the corpus letter's layout text and checked against the PDF.

Page 1: "Ofsted" letterhead; "27 November 2020" (the letter's date, taken as the publication
date); addressee "Elaine Redding / Interim Corporate Director, Children's Services /
Bournemouth, Christchurch and Poole Council / Town Hall ..."; "Dear Ms Redding,"; title
"Focused visit to Bournemouth, Christchurch and Poole Children's Services" (capital C and S;
authority_name from the title: "Bournemouth, Christchurch and Poole", commas included; the
addressee adds "Council"). A one-day visit: "... Children's Services on 13 October 2020. The
inspectors were Neil Penswick, HMI, Louise Hollick, HMI, Peter McEntee, HMI, Jan Edwards, HMI
and Chris Smith, HMI." Then the COVID boilerplate ("Her Majesty's Chief Inspector ... is
leading Ofsted's work into how England's social care system ...", "The methodology for this
visit was in line with ...") and only after it the focus, last paragraph of page 1: "This
visit looked at the quality and impact of key decision-making across help and protection,
children in care and care leavers services, together with the impact of leadership." (ends
at the page break; "Overview" opens page 2). Signed "Neil Penswick / Her Majesty's
Inspector" (lead = signatory = first named).

"Areas for priority action" opens page 3 (after a page break): intro "The local authority
needs to take swift and decisive action to address the following areas of weakness in:" then
two black-square bullets in lower case, the second ending on page 3 just before a page break.
"What needs to improve in this area of social work practice" opens page 4: ten one-line or
two-line bullets, ended by "Findings", whose paragraphs are NUMBERED "1." to "22." (findings,
not recommendations). Near the end: "We have notified the DfE of the areas for priority
action ...". Grade words appear only in prose.
"""

from datetime import date

APA = ("Areas for priority action", "none-stated", "priority-action")
AFI = (
    "What needs to improve in this area of social work practice",
    "none-stated",
    "area-for-improvement",
)

EXPECTED = {
    "sources": [
        "corpus/bournemouth-christchurch-poole-2020-11-27-children-s-services-focused-visit"
    ],
    "framework": "focused-visit",
    "inspection_type": "visit",
    "authority_name": "Bournemouth, Christchurch and Poole",
    "title": "Focused visit to Bournemouth, Christchurch and Poole Children's Services",
    "start_date": date(2020, 10, 13),
    "end_date": date(2020, 10, 13),
    "published_on": date(2020, 11, 27),
    "lead_inspector": "Neil Penswick",
    "focus": "This visit looked at the quality and impact of key decision-making across help",
    "judgements": [],
    "recommendations": [
        (*APA, "the arrangements for management oversight and quality assurance of social"),
        (*APA, "the quality of practice, including the application of thresholds"),
        (*AFI, "Social work supervision."),
        (*AFI, "The quality of children's plans."),
        (*AFI, "Attendance by partner agencies at strategy meetings."),
        (*AFI, "Placement sufficiency."),
        (*AFI, "Support given to children in care, and care leavers, during the COVID-19"),
        (*AFI, "The quality and timeliness of social work recording."),
        (*AFI, "The profile of the virtual school so that its role is better understood"),
        (*AFI, "The quality of personal education plans (PEPs)."),
        (*AFI, "Plans to prevent exclusions from school for children in care."),
        (*AFI, "The response to electively home-educated children."),
    ],
}
