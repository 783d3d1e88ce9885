#!/usr/bin/env python3
"""Writes held-out-scenario.json: a scenario written once, by hand, and never used to choose a
threshold (the rule's thresholds were chosen on labelled-stories.json only). Each story's texts are
written out below; copies name the edit that made them.

    python3 make-held-out-scenario.py > held-out-scenario.json
"""
import json

T0 = "2026-01-12T"
items = []


def add(story, pattern, feed, title, link, when, paragraphs):
    items.append(dict(id=f"h{len(items):02d}", story=story, pattern=pattern, feed=feed, title=title, link=link,
                      published=T0.replace("12", str(12 + when // 24)) + f"{when % 24:02d}:15:00Z",
                      text="".join(f"<p>{p}</p>" for p in paragraphs)))


LIB = ["Opening hours at Greyford Library and its six branches will be extended over the winter holidays, the city council has said.",
       "Between 20 December and 4 January the central library will stay open until 8pm on weekdays, and the branches at Hollins, Marsh End and Tanyard will open on Sundays.",
       "The council said the change responded to a survey in which 1,140 people asked for longer hours during school holidays.",
       "There will be free craft sessions for children each morning and the study rooms can be booked online.",
       "The libraries will close as usual on Christmas Day, Boxing Day and New Year's Day."]
add("lib", "original", "Greyford City Council", "Library opening hours extended over the winter holidays",
    "https://www.greyford.gov.uk/news/library-hours-winter", 1, LIB)
add("lib", "prefix", "Midlands Wire", "UPDATED: Library opening hours extended over the winter holidays",
    "https://midlandswire.example/2026/01/12/library-hours", 5, LIB)
add("lib", "subedit", "Greyford Evening Post", "Library opening hours extended over winter holidays | Greyford Evening Post",
    "https://greyfordpost.example/news/library-hours", 9, LIB[:3] + LIB[4:])

FLOOD = ["Work on new flood defences for Riverside ward will start next month, the borough council has confirmed.",
         "Contractors will build a 600 metre embankment along the Lune and replace the culvert under Ferry Lane, which overflowed twice last winter.",
         "About 340 homes in the ward are at risk of flooding from the river.",
         "Ferry Lane will close to traffic for twelve weeks from the start of the work, with a diversion through Mill Street.",
         "Residents can see the plans at a drop-in session in St Anne's church hall on Thursday between 3pm and 7pm."]
add("flood", "original", "Lunedale Borough Council", "Riverside ward flood defences: work starts next month",
    "https://www.lunedale.gov.uk/news/riverside-flood-defences", 2, FLOOD)
add("flood", "punct", "North West Digest", "Riverside ward flood defences \u2013 work starts next month",
    "https://nwdigest.example/a/88412", 7, FLOOD)
add("flood", "summary", "Lune Valley News", "Riverside ward flood defences: work starts next month - Lune Valley News",
    "https://lunevalleynews.example/riverside-flood", 11, FLOOD[:2])

RECYC = ["From 2 February residents will be able to recycle plastic pots, tubs and trays, food and drink cartons and foil in their blue-lidded bin.",
         "The council's new recycling rules follow the opening of a sorting plant at Crossgates that can separate more kinds of plastic.",
         "Plastic bags and film still cannot go in the bin, but can be taken to collection points at large supermarkets.",
         "Food waste collections will continue every week, and black bin collections remain fortnightly.",
         "A leaflet explaining the changes will be delivered to 96,000 homes this month."]
add("recyc", "original", "Crossgates District Council", "Council\u2019s new recycling rules explained",
    "https://www.crossgates.gov.uk/news/new-recycling-rules", 3, RECYC)
add("recyc", "prefix", "Yorkshire Wire", "UPDATED: Council's new recycling rules explained",
    "https://yorkshirewire.example/recycling-rules-crossgates", 8, RECYC)
add("recyc", "case", "Crossgates Courier", "Council's New Recycling Rules Explained",
    "https://crossgatescourier.example/news/2026/recycling", 13, RECYC)

BUS = ["The 24 bus between Hatherley and the Royal Infirmary will run every 15 minutes instead of every 30 from 26 January.",
       "The county council is paying for the extra buses for two years from the government's bus improvement fund.",
       "Evening buses will run until 11pm, and a new stop will serve the Hatherley Park estate.",
       "Passengers have complained for years that the half-hourly service was often full by the time it reached the estate.",
       "Timetables will be available on the operator's app and at the bus station from next week."]
add("bus", "original", "Wexcombe County Council", "More buses on route 24 to the Royal Infirmary",
    "https://www.wexcombe.gov.uk/news/route-24", 4, BUS)
add("bus", "prefix", "Breaking News Wexcombe", "Breaking: More buses on route 24 to the Royal Infirmary",
    "https://bnw.example/route-24", 6, BUS)
add("bus", "suffix", "BBC", "More buses on route 24 to the Royal Infirmary - BBC News",
    "https://bbc.example/news/uk-england-wexcombe-7791", 10, BUS[:3])

POOL = ["Hatherley Lido will reopen on 1 May after a two-year restoration costing 3.2 million pounds.",
        "The 1930s open-air pool has new heating powered by solar panels, a restored art deco entrance and a cafe overlooking the water.",
        "Volunteers from the Friends of Hatherley Lido raised 410,000 pounds towards the work.",
        "Season tickets go on sale on 1 March, with discounts for residents and free swims for under-fives.",
        "The lido closed in 2023 after cracks were found in the pool tank."]
add("lido", "original", "Wexcombe County Council", "Hatherley Lido to reopen in May after restoration",
    "https://www.wexcombe.gov.uk/news/lido-reopens", 20, POOL)
add("lido", "prefix", "Wexcombe Gazette", "Exclusive: Hatherley Lido to reopen in May after restoration",
    "https://wexcombegazette.example/lido", 22, POOL)
add("lido", "suffix", "Wexcombe Gazette Video", "Hatherley Lido to reopen in May after restoration (video)",
    "https://wexcombegazette.example/video/lido", 26, POOL)
add("lido", "subedit", "South West Roundup", "Hatherley Lido set to reopen in May after restoration",
    "https://swroundup.example/lido-hatherley", 30, POOL)

TAX = ["{c} will raise council tax by {p} per cent from April after the budget was approved on Wednesday.",
       "A Band D household will pay {b} pounds more a year.",
       "The council said the rise was needed to protect social care and to repair roads damaged by the wet winter.",
       "Opposition members called for cuts to consultants' fees instead, but their amendment was lost.",
       "Bills will be sent out in March."]
for i, (c, p, b, dom) in enumerate([("Greyford City Council", "4.99", "89", "greyford"),
                                    ("Lunedale Borough Council", "2.99", "61", "lunedale"),
                                    ("Wexcombe County Council", "4.99", "94", "wexcombe")]):
    paras = [s.format(c=c, p=p, b=b) for s in TAX]
    add(f"tax{i}", "original", c, "Council tax to rise by up to five per cent", f"https://www.{dom}.gov.uk/news/budget", 28 + i, paras)
    if i == 0:
        add(f"tax{i}", "suffix", "Greyford Evening Post", "Council tax to rise by up to five per cent | Greyford Evening Post",
            "https://greyfordpost.example/news/tax", 31, paras)

CONS = ["A consultation on the future of Marsh End Library {verb} on {day}.",
        "The city council has proposed moving the library into the Marsh End community centre, where it would share space with a cafe and a children's centre.",
        "The council says the move would save 48,000 pounds a year and keep the library open for the same number of hours.",
        "Campaigners say the community centre is too small and would lose the library's local history room.",
        "Responses can be made online or on paper at any library in the city."]
add("cons-open", "original", "Greyford City Council", "Consultation on Marsh End Library opens",
    "https://www.greyford.gov.uk/news/marsh-end-consultation", 33,
    [CONS[0].format(verb="opened", day="Monday")] + CONS[1:])
add("cons-close", "follow-up", "Greyford City Council", "Consultation on Marsh End Library closes",
    "https://www.greyford.gov.uk/news/marsh-end-consultation-closes", 60,
    [CONS[0].format(verb="closed", day="Friday"),
     "More than 900 people took part, and the results will be reported to the cabinet in March."] + CONS[1:4])

PLAN = ["Plans for 140 homes on farmland off Tanyard Road were {v} by Lunedale's planning committee on Tuesday.",
        "The developer proposed 42 affordable homes, a play area and a new junction on the A683.",
        "More than 200 residents objected, citing flooding on nearby fields and pressure on the village school.",
        "Planning officers had recommended the scheme for approval."]
add("plan-a", "original", "Lunedale Borough Council", "Tanyard Road housing plans approved",
    "https://www.lunedale.gov.uk/news/tanyard-road", 40, [PLAN[0].format(v="approved")] + PLAN[1:])
add("plan-r", "original", "Lune Valley News", "Tanyard Road housing plans rejected",
    "https://lunevalleynews.example/tanyard", 41,
    [PLAN[0].format(v="rejected")] + PLAN[1:] + ["Councillors said the junction was unsafe and the school had no room for more pupils."])

ROUND = ["Here is what happened at Greyford City Council this week.",
         "<b>Libraries:</b> Opening hours at Greyford Library and its six branches will be extended over the winter holidays, the city council has said.",
         "<b>Marsh End:</b> A consultation on the future of Marsh End Library opened on Monday.",
         "<b>Budget:</b> Greyford City Council will raise council tax by 4.99 per cent from April after the budget was approved on Wednesday.",
         "Full stories are on our news pages."]
add("round", "round-up", "Greyford City Council", "This week at the council", "https://www.greyford.gov.uk/news/this-week", 48, ROUND)

CORR = ["Correction: our article about Hatherley Lido said the restoration cost 2.3 million pounds. The correct figure is 3.2 million pounds.",
        "Hatherley Lido will reopen on 1 May after a two-year restoration.",
        "We apologise for the error."]
add("corr", "correction", "Wexcombe Gazette", "Correction: Hatherley Lido to reopen in May after restoration",
    "https://wexcombegazette.example/lido-correction", 27, CORR)

for i, street in enumerate(["Ferry Lane", "Mill Street", "Hollins Road"]):
    add(f"gully{i}", "short", "Lunedale Borough Council", f"Gully cleaning: {street}",
        f"https://www.lunedale.gov.uk/roadworks/gully-{i}", 50,
        [f"Gully cleaning will take place on {street} on Wednesday. Please do not park on the street between 9am and 3pm so the tanker can reach the drains."])

GRIT = ["Gritters will treat priority routes across Wexcombe from 6pm tonight as temperatures are forecast to fall below zero.",
        "The county council has 38,000 tonnes of salt in its barns and 22 gritting lorries ready.",
        "Priority routes include all A and B roads, bus routes and roads to hospitals and schools.",
        "Drivers are advised to take extra care on untreated roads, especially on hills and bridges."]
add("grit", "original", "Wexcombe County Council", "Gritters out tonight as temperatures drop",
    "https://www.wexcombe.gov.uk/news/gritting-tonight", 45, GRIT)
add("grit", "prefix", "Wexcombe Gazette", "Watch: Gritters out tonight as temperatures drop",
    "https://wexcombegazette.example/video/gritters", 46, GRIT)
add("grit", "subedit", "BBC", "Gritters out tonight as temperatures set to drop - BBC News",
    "https://bbc.example/news/uk-england-wexcombe-7810", 47, GRIT)

SCHOOL = ["Tanyard Primary School has been rated good in all areas by Ofsted, two years after it was placed in special measures.",
          "Inspectors said leaders had transformed the teaching of reading and that pupils now behaved well in lessons and at play.",
          "The school, which has 212 pupils, joined the Lune Learning Trust in 2024.",
          "Headteacher Claire Moss said staff, parents and pupils had all worked hard for the result."]
add("school", "original", "Lune Learning Trust", "Tanyard Primary rated good by Ofsted after turnaround",
    "https://lunelearning.example/news/tanyard-ofsted", 12, SCHOOL)
add("school", "suffix", "Lune Valley News", "Tanyard Primary rated good by Ofsted after turnaround | Lune Valley News",
    "https://lunevalleynews.example/tanyard-ofsted", 15, SCHOOL)
add("school", "rewritten", "Schools Week North", "From special measures to good: how Tanyard Primary turned around",
    "https://swnorth.example/tanyard", 18,
    ["Two years ago Tanyard Primary was in special measures. This week Ofsted rated it good in every area.",
     "The headteacher, Claire Moss, credits a new approach to phonics and a behaviour policy agreed with parents.",
     "The 212-pupil school is part of the Lune Learning Trust."])

print(json.dumps({"about": "Held-out scenario for Gazette's duplicate rule (see make-held-out-scenario.py): items with the same 'story' are one story.",
                  "items": items}, indent=1, ensure_ascii=False))
