"""Norfolk's 2013 inspection of looked after children services, read off Ofsted's PDF by hand.

Front page: "Inspection of looked after children" / "services", "Norfolk County Council",
"Inspection dates: 8 – 12 July 2013", "Reporting inspector Gary Lamb HMI", "Published:
16 August 2013". The body states five grades as "Grade 4 (inadequate)" under their headings
(overall effectiveness p4 of the report = PDF page 6, capacity to improve p6, outcomes p10,
quality of provision p17, leadership and management p19); the "Record of main findings"
(PDF page 23), under "Services for looked after children", repeats all five in words and
agrees with the body, so each is one judgement with the record's label and grade. The
outcome paragraphs ("Health outcomes ... are inadequate") carry no grade of their own.
Not judgements: the grade key on page 4 and "judged good at the last inspection in 2011".

"Areas for improvement" (PDF pages 7-9): six items to do immediately, four within three
months, seven within six months.
"""

from datetime import date

LAC = "Services for looked after children"
AREA = "area-for-improvement"
NOW, THREE, SIX = "immediately", "within-three-months", "within-six-months"

EXPECTED = {
    "sources": ["pdf-original/norfolk-2013-looked-after-children.pdf"],
    "framework": "lac",
    "inspection_type": "full",
    "authority_name": "Norfolk County Council",
    "title": "Inspection of looked after children services",
    "start_date": date(2013, 7, 8),
    "end_date": date(2013, 7, 12),
    "published_on": date(2013, 8, 16),
    "lead_inspector": "Gary Lamb",
    "judgements": [
        (LAC, "Overall effectiveness", "Inadequate", "inadequate", "children-in-care"),
        (LAC, "Capacity to improve", "Inadequate", "inadequate", "capacity-to-improve"),
        (
            LAC,
            "Outcomes for looked after children and young people",
            "Inadequate",
            "inadequate",
            "outcomes",
        ),
        (LAC, "Quality of provision", "Inadequate", "inadequate", "quality-of-provision"),
        (LAC, "Leadership and management", "Inadequate", "inadequate", "leadership"),
    ],
    "recommendations": [
        (LAC, NOW, AREA, "ensure all elected members understand their corporate"),
        (LAC, NOW, AREA, "ensure all children and young people have a care plan"),
        (LAC, NOW, AREA, "consolidate the improvements made so far"),
        (LAC, NOW, AREA, "ensure all young people and care leavers have pathway plans"),
        (LAC, NOW, AREA, "review and implement care plans and specifically"),
        (LAC, NOW, AREA, "ensure all social workers receive regular, recorded supervision"),
        (LAC, THREE, AREA, "ensure all children have a good quality personal education plan"),
        (LAC, THREE, AREA, "ensure that care plans and reviews always consider"),
        (LAC, THREE, AREA, "ensure that social workers always provide a written report"),
        (LAC, THREE, AREA, "ensure all children and young people get a copy"),
        (LAC, SIX, AREA, "agree and implement an effective early help strategy"),
        (LAC, SIX, AREA, "ensure there is a sufficient number of social workers"),
        (LAC, SIX, AREA, "ensure there is sufficient independent reviewing officer (IRO)"),
        (LAC, SIX, AREA, "build on the successful action taken already"),
        (LAC, SIX, AREA, "accelerate and robustly implement existing plans"),
        (LAC, SIX, AREA, "seek opportunities for all looked after children"),
        (LAC, SIX, AREA, "ensure children and young people know and understand"),
    ],
}
