#!/usr/bin/env python3
"""Writes labelled-stories.json: items from councils, wires, digests and local papers, each labelled
with the story it tells. Deterministic (fixed seed); rerun after editing the topics below.

Every story starts from a council press release (a topic filled in for one council); copies follow
the patterns seen in the wild (an edited title, a site suffix, a summary, light edits, a shared link).
Hard negatives are their own stories: one template filled in for three councils, follow-ups that
quote the first story, weekly round-ups, corrections and short boilerplate notices.

    python3 make-labelled-stories.py > labelled-stories.json
"""
import json
import random

R = random.Random(13)

COUNCILS = [
    ("Northfield", "Northfield Borough Council", "northfield.gov.uk", ["Riverside", "Abbey", "Mill Hill", "Castle"]),
    ("Easton", "Easton District Council", "easton.gov.uk", ["Harbour", "St Mary's", "Westgate", "Priory"]),
    ("Southmoor", "Southmoor County Council", "southmoor.gov.uk", ["Moorside", "Kingsway", "Old Town", "Brookfield"]),
    ("Ashby", "Ashby City Council", "ashby.gov.uk", ["Canal", "Greenhill", "Park End", "Victoria"]),
    ("Westvale", "Westvale Council", "westvale.gov.uk", ["Valley", "Chapel", "Forest", "Bridge"]),
    ("Kingsbridge", "Kingsbridge Borough Council", "kingsbridge.gov.uk", ["Quay", "Market", "Hillside", "Orchard"]),
]
PEOPLE = ["Sarah Patel", "James O'Connor", "Helen Brooks", "David Okafor", "Rachel Lim", "Tom Whitaker",
          "Aisha Khan", "Peter Walsh", "Fiona Grant", "Mark Evans", "Grace Adeyemi", "Owen Price"]
ROADS = ["Mill Lane", "Church Road", "Station Street", "Queens Avenue", "Bridge Street", "Park Road",
         "High Street", "London Road", "Victoria Road", "Green Lane"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "September", "October", "November"]

# Each topic: title, sentences. Slots: {town} {council} {ward} {ward2} {person} {road} {day} {month}
# {n1}..{n4} (numbers), {pct}. The first two sentences are what a summary or an aggregator keeps.
TOPICS = [
    ("Library opening hours extended over the winter holidays",
     ["{council} has extended opening hours at {town} Central Library and four branch libraries over the winter holidays.",
      "From {day} the central library will open from 9am until {n1}pm, and branches will open on Sunday afternoons for the first time.",
      "Councillor {person}, cabinet member for culture, said the longer hours would give families a warm and quiet place to read, study and use computers.",
      "The change costs {n2} thousand pounds and is paid for from the council's winter support fund.",
      "Residents can check the hours of their nearest library on the council website or by calling the library service."]),
    ("{ward} ward flood defences: work starts next month",
     ["Work to build new flood defences in the {ward} ward of {town} will start next month, {council} has confirmed.",
      "The scheme includes a {n1} metre wall along the river, two new pumping stations and raised footpaths.",
      "It will protect around {n2} homes and businesses that flooded in the storms of recent winters.",
      "Councillor {person} said the work would cause some disruption but would give residents peace of mind for decades.",
      "A drop-in session for residents will be held at the community hall on {day} evening."]),
    ("Council's new recycling rules explained",
     ["New recycling rules come into force across {town} from {day}, and {council} has published a guide to explain what is changing.",
      "Residents will be able to put plastic pots, tubs and trays in the blue bin alongside bottles, cans and paper.",
      "Food waste will be collected every week in a separate caddy, while general waste will be collected every {n1} weeks.",
      "Councillor {person} said the changes would help the borough reach its target of recycling {n2} per cent of household waste.",
      "Free caddies and liners are being delivered to every household over the coming fortnight."]),
    ("Plans for new homes on former depot site approved",
     ["Plans to build {n1} new homes on the former council depot in {road}, {town}, have been approved by the planning committee.",
      "The scheme includes {n2} affordable homes for rent, a small park and a new footpath linking the site to the town centre.",
      "Some neighbours objected to the height of the tallest block and to extra traffic on nearby streets.",
      "Councillor {person}, who chairs the committee, said the development would bring a long-empty site back into use.",
      "Work is expected to start next year and take around two years to complete."]),
    ("Leisure centre pool to close for repairs",
     ["The swimming pool at {town} Leisure Centre will close on {day} for urgent repairs to its roof and filtration system.",
      "{council} said inspectors had found corrosion in the roof structure that needed to be fixed before the winter.",
      "The gym, sports hall and cafe will stay open while the work is carried out.",
      "The repairs are expected to take {n1} weeks and cost around {n2} thousand pounds.",
      "Swimming lessons will move temporarily to the pool at the nearby secondary school."]),
    ("New bus route to link estate with hospital",
     ["A new bus route will link the {ward} estate with {town} General Hospital from {day}, {council} has announced.",
      "The number {n1} service will run every half hour from early morning until late evening, seven days a week.",
      "Residents had campaigned for a direct link for years, saying two changes of bus made hospital visits difficult.",
      "The route is funded for {n2} years by a government grant for bus services.",
      "Councillor {person} said the route would make a real difference to patients, visitors and hospital staff."]),
    ("Council tax to rise in April",
     ["{council} will raise its share of council tax by {pct} per cent from April after the budget was agreed by full council.",
      "A Band D household will pay an extra {n1} pounds a year for council services.",
      "The council said rising demand for adult social care and children's services left it with little choice.",
      "Opposition councillors proposed an amendment to protect library funding, which was defeated.",
      "Bills will be sent to households in March."]),
    ("Park wins Green Flag award",
     ["{ward} Park in {town} has won a Green Flag award, the national mark of a well-managed park or green space.",
      "It is the {n1}th year in a row that the park has received the award.",
      "Judges praised the work of volunteers who maintain the wildflower meadows, the pond and the community garden.",
      "Councillor {person} thanked the parks team and the friends group for their hard work through the year.",
      "The park will host a free family open day on {day} to celebrate."]),
    ("Warm spaces open across the borough",
     ["{n1} warm spaces have opened across {town} to offer residents somewhere free and comfortable to spend time this winter.",
      "Libraries, community centres and churches are taking part, and many will offer hot drinks and soup.",
      "{council} has given small grants to volunteer groups to help cover heating and running costs.",
      "A map of warm spaces and their opening times is available online and in every library.",
      "Councillor {person} said nobody should have to sit in a cold home because they cannot afford to heat it."]),
    ("Primary school rated outstanding by Ofsted",
     ["{ward} Primary School in {town} has been rated outstanding by Ofsted after its latest inspection.",
      "Inspectors said pupils were happy, behaved well and made strong progress in reading and mathematics.",
      "The report praised the headteacher, {person}, for creating a culture of high expectations and care.",
      "The school, which has {n1} pupils, was previously rated good.",
      "{council} congratulated staff, governors and families on the result."]),
    ("Overnight road closures for resurfacing",
     ["{road} in {town} will be closed overnight for {n1} nights from {day} while the road is resurfaced.",
      "The closures will run from 8pm to 6am, with a signed diversion in place for drivers.",
      "Buses will follow the diversion and some stops will be temporarily moved.",
      "{council} said the work had been scheduled at night to reduce disruption for businesses and commuters.",
      "The resurfacing is part of a {n2} million pound programme of road repairs this year."]),
    ("Thousands of trees planted in town woodland",
     ["Volunteers have helped plant {n1} trees in a new community woodland on the edge of {town}.",
      "The planting, on former farmland near the {ward} estate, includes oak, birch, rowan and wild cherry.",
      "{council} bought the land last year as part of its plan to double tree cover in the borough.",
      "Councillor {person} said the woodland would be enjoyed by residents for generations.",
      "Further planting days will be held in the spring and new volunteers are welcome."]),
    ("Museum celebrates anniversary with free exhibition",
     ["{town} Museum is celebrating its {n1}th anniversary with a free exhibition of objects from its collection.",
      "The exhibition includes Roman coins found in the town, a Victorian fire engine and early photographs of the high street.",
      "Many of the objects have never been on public display before.",
      "Curator {person} said the exhibition told the story of the town through the things its people had made and kept.",
      "The exhibition opens on {day} and runs until the end of {month}."]),
    ("Licensing scheme for shared houses extended",
     ["A licensing scheme for shared houses in {town} is to be extended to the {ward} and {ward2} wards.",
      "Landlords of houses shared by three or more unrelated tenants will need a licence costing {n1} pounds.",
      "{council} said inspections had found damp, faulty wiring and missing fire doors in many shared houses.",
      "Landlord groups said the fee would be passed on to tenants through higher rents.",
      "The extended scheme will come into force in {month}."]),
    ("Historic market hall saved from closure",
     ["{town}'s historic market hall has been saved from closure after {council} agreed a new lease with traders.",
      "The Victorian hall had been at risk after its operator went into administration in the summer.",
      "Under the new lease, traders will run the hall as a cooperative and pay a reduced rent for {n1} years.",
      "Councillor {person} said the market was part of the town's identity and had to be protected.",
      "Repairs to the roof and glass canopy will be paid for from a heritage grant."]),
    ("Free parking in town centre car parks in December",
     ["Parking will be free after 3pm in {council}'s town centre car parks in {town} every weekday in December.",
      "The offer is meant to support shops, cafes and restaurants during the busiest trading weeks of the year.",
      "It applies to {n1} car parks and will cost the council around {n2} thousand pounds in lost income.",
      "Business groups welcomed the decision, saying free parking brought more shoppers into the centre.",
      "Normal charges apply at weekends and on-street parking is not included."]),
    ("New chief executive appointed",
     ["{council} has appointed {person} as its new chief executive.",
      "{person} is currently a director at a neighbouring authority and has worked in local government for {n1} years.",
      "The appointment was approved at a meeting of full council on {day} evening.",
      "The council leader said the new chief executive brought strong experience of regeneration and partnership working.",
      "The outgoing chief executive retires at the end of {month} after nine years in the post."]),
    ("Cycle lane on {road} completed",
     ["A new protected cycle lane on {road} in {town} has been completed, {council} has announced.",
      "The lane runs for {n1} kilometres and is separated from traffic by a raised kerb.",
      "New crossings have been installed at two junctions, and bus stops have been redesigned so cyclists pass behind them.",
      "Councillor {person} said the lane would make cycling safer for commuters and children travelling to school.",
      "The scheme was paid for from the government's active travel fund."]),
    ("Garden waste collections resume",
     ["Garden waste collections across {town} resume on {day} after the winter break.",
      "Residents who renewed their permit will receive a new sticker by post, and the annual charge remains {n1} pounds.",
      "Bins should be out by 7am on collection day and the lid must close fully.",
      "{council} said more than {n2} thousand households had already signed up for the service this year.",
      "Permits can be bought online or by phone."]),
    ("Youth centre reopens with new music studio",
     ["The youth centre on {road} in {town} has reopened after a refurbishment that added a recording studio and rehearsal room.",
      "The centre will open five evenings a week and offer free music sessions led by local musicians.",
      "Young people helped design the new space and chose the equipment.",
      "The work cost {n1} thousand pounds and was funded by {council} and a national lottery grant.",
      "Youth worker {person} said the centre gave young people a safe place to meet and learn new skills."]),
    ("Council backs plan for new secondary school",
     ["{council} has backed plans for a new secondary school in the {ward} area of {town} to meet rising demand for places.",
      "The school would have room for {n1} pupils and open in {month} in three years' time.",
      "Forecasts show a shortage of secondary places as children from new housing estates move up from primary school.",
      "A public consultation on the preferred site will begin in the new year.",
      "Councillor {person} said every child deserved a good school place close to home."]),
    ("Town centre CCTV to be upgraded",
     ["The CCTV network in {town} town centre is to be upgraded with {n1} new high definition cameras.",
      "The cameras will be monitored from a control room shared with the police and will cover the bus station and the main shopping streets.",
      "{council} said the upgrade would help tackle antisocial behaviour and make people feel safer at night.",
      "The project is funded by a government safer streets grant.",
      "Installation will start in {month} and take about six weeks."]),
    ("Bin collections change over the bank holiday",
     ["Bin collections in {town} will change over the bank holiday, {council} has reminded residents.",
      "Collections due on Monday will take place on Tuesday, and every collection later in the week will move back by one day.",
      "Residents should put their bins out by 7am on the new collection day.",
      "The household recycling centre on {road} will be open as normal.",
      "Collection calendars can be checked online using a postcode search."]),
    ("Community centre opens after rebuild",
     ["The new {ward} Community Centre in {town} has opened its doors after a two-year rebuild.",
      "The building has a main hall, a kitchen, meeting rooms and a small library run by volunteers.",
      "It replaces a prefabricated hut that had been in use since the 1960s.",
      "{council} contributed {n1} thousand pounds and local residents raised the rest through events and donations.",
      "Centre manager {person} said groups were already booking the hall for classes, clubs and parties."]),
    ("Potholes repaired in record numbers",
     ["Highways teams in {town} repaired {n1} potholes in the last year, the highest number on record.",
      "{council} said a new fleet of repair vehicles had allowed crews to fix most defects within five working days of a report.",
      "Residents can report potholes online, with a photograph and the exact location.",
      "The council spends around {n2} million pounds a year on road maintenance.",
      "Councillor {person} said the council would keep pressing the government for longer-term funding for roads."]),
    ("Consultation on library services",
     ["{council} has launched a consultation on the future of library services in {town}.",
      "Options include shorter opening hours at some branches, more self-service and moving two libraries into community centres.",
      "The council needs to save {n1} thousand pounds from the library budget next year.",
      "Residents can respond online, at any library or at drop-in sessions held across the borough.",
      "Councillor {person} said no decisions had been made and every response would be read."]),
    ("Solar panels to be fitted on council buildings",
     ["Solar panels will be fitted on the roofs of {n1} council buildings in {town}, including schools, depots and the town hall.",
      "{council} expects the panels to cut its electricity bills and reduce carbon emissions from its buildings.",
      "The programme is part of the council's plan to reach net zero by 2035.",
      "Installation will take place during school holidays where possible to avoid disruption.",
      "Councillor {person} said the panels would pay for themselves within about eight years."]),
    ("Food bank appeal ahead of winter",
     ["The food bank in {town} has appealed for donations as demand rises ahead of the winter.",
      "Volunteers said the number of families using the food bank had grown sharply since the summer.",
      "Tinned meat, tinned fish, long-life milk, tea and toiletries are most needed.",
      "{council} has offered space in its offices on {road} as a collection point.",
      "Donations can also be left at supermarkets and churches across the borough."]),
    ("Housing repairs service overhauled after complaints",
     ["{council} is overhauling its housing repairs service after complaints from tenants about long waits and missed appointments.",
      "A review found that repairs took an average of {n1} days to complete and many jobs needed a second visit.",
      "Tenants will be able to book appointments online and track their repairs by text message.",
      "The council is also recruiting more plumbers, electricians and damp specialists.",
      "Councillor {person} apologised to tenants and said the service had not been good enough."]),
    ("Hedgehog survey asks for residents' help",
     ["Residents of {town} are being asked to take part in a survey of hedgehogs in their gardens this summer.",
      "{council} and a local wildlife trust want to map where hedgehogs are still found and where they have disappeared.",
      "People can record sightings online and borrow trail cameras from their local library.",
      "Gardeners are encouraged to cut small holes in fences so hedgehogs can move between gardens.",
      "Ecologist {person} said the results would help plan new wildlife corridors across the borough."]),
]

SITES = {"Northfield": "Northfield Gazette", "Easton": "Easton Echo", "Southmoor": "Southmoor Times",
         "Ashby": "Ashby Advertiser", "Westvale": "Westvale Post", "Kingsbridge": "Kingsbridge Herald"}


def fill(topic, council, seed):
    r = random.Random(seed)
    town, name, domain, wards = council
    ward, ward2 = r.sample(wards, 2)
    values = dict(town=town, council=name, ward=ward, ward2=ward2, person=r.choice(PEOPLE), road=r.choice(ROADS),
                  day=r.choice(DAYS), month=r.choice(MONTHS), n1=r.randint(3, 60), n2=r.randint(61, 480),
                  pct=r.choice(["2.99", "3.99", "4.99", "4.5", "2.5"]))
    title, sentences = topic
    return title.format(**values), [s.format(**values) for s in sentences], values


def html(sentences):
    return "".join(f"<p>{s}</p>" for s in sentences)


def slug(title):
    return "-".join("".join(c for c in w.lower() if c.isalnum()) for w in title.split())[:60]


items = []
stories = 0
BASE = 1741597200  # 2025-03-10T09:00:00Z


def iso(t):
    import datetime
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def add(story, pattern, feed, title, link, t, text):
    items.append(dict(id=f"i{len(items):03d}", story=story, pattern=pattern, feed=feed, title=title, link=link,
                      published=iso(t), text=text))


def title_case(t):
    small = {"a", "an", "the", "of", "on", "in", "for", "to", "with", "and", "over", "after", "by", "from"}
    words = t.split(" ")
    return " ".join(w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def sub_edit(title, r):
    """A sub-editor's change: one word changed or added."""
    swaps = [("extended", "lengthened"), ("new", "fresh"), ("approved", "given go-ahead"), ("opens", "launches"),
             ("starts", "begins"), ("completed", "finished"), ("planted", "put in"), ("upgraded", "improved"),
             ("explained", "made simple"), ("repaired", "fixed"), ("saved", "rescued"), ("appointed", "named"),
             ("closes", "shuts"), ("close", "shut"), ("record", "all-time high")]
    for a, b in swaps:
        if f" {a}" in f" {title}":
            return title.replace(a, b, 1)
    adds = ["Residents told: ", "", "Now: "]
    return title + " this year" if r.random() < 0.5 else "Pictured: " + title


def light_edit(sentences, r):
    s = list(sentences)
    i = r.randrange(2, len(s))
    words = s[i].split(" ")
    if len(words) > 6:
        j = r.randrange(1, len(words) - 2)
        words[j] = words[j] + (" also" if r.random() < 0.5 else "")
        s[i] = " ".join(words).replace(" said ", " says ", 1)
    return s


PREFIXES = ["UPDATED: ", "Breaking: ", "Exclusive: ", "Video: ", "Update: ", "BREAKING NEWS: ", "Watch: "]
SUFFIXES = [" | {site}", " - BBC News", " - {site}", " | {council}", " (updated)", " [Video]", " – {site}"]

# Duplicate stories: each topic filled for two or three councils (the other fills are hard negatives of
# the "same template" kind), each with an original and copies.
for ti, topic in enumerate(TOPICS):
    councils = R.sample(COUNCILS, 3 if ti % 2 == 0 else 2)
    for ci, council in enumerate(councils):
        stories += 1
        story = f"s{stories:03d}"
        title, sentences, values = fill(topic, council, ti * 10 + ci)
        town, name, domain, _ = council
        t0 = BASE + R.randint(0, 5) * 86400 + R.randint(0, 8) * 3600
        link = f"https://www.{domain}/news/{slug(title)}"
        add(story, "original", name, title, link, t0, html(sentences))
        site = SITES[town]
        copies = R.sample(["prefix", "suffix", "punct", "case", "subedit", "summary", "lightedit", "link", "wire"],
                          R.choice([1, 1, 2, 2, 2, 3]))
        for pattern in copies:
            t = t0 + R.randint(1, 40) * 3600
            other = f"https://{slug(site)}.example/news/{R.randint(1000, 9999)}"
            if pattern == "prefix":
                add(story, pattern, "Wire", R.choice(PREFIXES) + title, other, t, html(sentences))
            elif pattern == "suffix":
                suffix = R.choice(SUFFIXES).format(site=site, council=name)
                add(story, pattern, "Digest", title + suffix, other, t, html(sentences[:R.choice([2, 3, 5])]))
            elif pattern == "punct":
                edited = title.replace("'", "\u2019").replace(": ", " \u2013 ")
                if edited == title:
                    edited = "\u2018" + title + "\u2019" if R.random() < 0.5 else title + "."
                add(story, pattern, site, edited, other, t, html(sentences))
            elif pattern == "case":
                add(story, pattern, site, title_case(title) if title != title_case(title) else title.lower().capitalize(),
                    other, t, html(sentences))
            elif pattern == "subedit":
                add(story, pattern, site, sub_edit(title, R), other, t, html(sentences))
            elif pattern == "summary":
                add(story, pattern, "Aggregator", title + f" - {site}", other, t, html(sentences[:2]))
            elif pattern == "lightedit":
                add(story, pattern, site, title, other, t, html(light_edit(sentences, R)))
            elif pattern == "link":
                add(story, pattern, "Social", title, link + "?utm_source=twitter&utm_medium=social", t,
                    html(sentences[:1]))
            elif pattern == "wire":
                add(story, pattern, "Wire", "UPDATED: " + sub_edit(title, R), other, t, html(sentences))

# Rewritten stories: the same event in a reporter's own words and headline (expected misses).
for ti in (4, 11):
    topic = TOPICS[ti]
    title, sentences, values = fill(topic, COUNCILS[0], 9000 + ti)
    stories += 1
    story = f"s{stories:03d}"
    add(story, "original", COUNCILS[0][1], title, f"https://www.{COUNCILS[0][2]}/news/{slug(title)}-2", BASE, html(sentences))
    rewritten = f"{values['town']} residents react: " + sentences[1].split(",")[0].lower()
    add(story, "rewritten", "Northfield Gazette", rewritten.capitalize(), f"https://northfield-gazette.example/r/{ti}", BASE + 7200,
        html([f"People in {values['town']} have been reacting to the news. " + sentences[0], sentences[3]]))

# Follow-ups: a later story that quotes the first one (hard negatives: different stories).
FOLLOW = [
    ("Consultation on library services opens", "Consultation on library services closes",
     "The consultation closed on {day} after {n} responses were received, and councillors will consider the results in the spring."),
    ("Plans for new homes on former depot site approved", "Plans for new homes on former depot site rejected",
     "Councillors rejected the plans by {n} votes to four on {day}, saying the tallest block was too high for the area."),
    ("Leisure centre pool to close for repairs", "Leisure centre pool reopens after repairs",
     "The pool reopened on {day} after {n} weeks of work, a week later than planned because of extra corrosion."),
    ("Flood warning issued for the river", "Flood warning lifted for the river",
     "The Environment Agency lifted the warning on {day} after river levels fell by {n} centimetres overnight."),
    ("Bin strike to go ahead", "Bin strike called off",
     "The strike was called off on {day} after workers accepted a pay offer of {n} per cent in a ballot."),
    ("Council backs plan for new secondary school", "Council confirms site for new secondary school",
     "The council confirmed on {day} that the school will be built on playing fields off the ring road, after {n} people responded to the consultation."),
]
for fi, (first_title, second_title, update) in enumerate(FOLLOW):
    council = COUNCILS[fi % len(COUNCILS)]
    topic = next((t for t in TOPICS if t[0] == first_title), None) or (first_title, [
        "{council} has issued an update for residents living near the river in {town}.",
        "Residents are advised to move valuables upstairs, check on elderly neighbours and avoid walking or driving through flood water.",
        "Sandbags are available from the depot on {road} while stocks last.",
        "Councillor {person} thanked the emergency services and volunteers for their work through the night.",
        "Updates will be posted on the council website and social media."]) if fi != 4 else (first_title, [
            "Refuse collectors in {town} will strike for {n1} days from {day} after talks over pay broke down, {council} has said.",
            "Bin collections will be suspended during the strike and residents are asked to keep waste inside until collections resume.",
            "The household recycling centre on {road} will stay open with extra staff.",
            "Councillor {person} said the council had made a fair offer and urged the union to return to talks.",
            "The union said its members had been left behind by years of below-inflation pay rises."])
    title, sentences, values = fill(topic, council, 7000 + fi)
    title = first_title
    t0 = BASE + 86400 * fi % (3 * 86400)
    stories += 1
    s1 = f"s{stories:03d}"
    add(s1, "original", council[1], title, f"https://www.{council[2]}/news/{slug(title)}-update", t0, html(sentences))
    add(s1, "prefix", "Wire", "UPDATED: " + title, f"https://wire.example/{fi}", t0 + 3600, html(sentences))
    stories += 1
    s2 = f"s{stories:03d}"
    note = update.format(day=DAYS[fi % 5], n=R.randint(12, 900))
    add(s2, "follow-up", council[1], second_title, f"https://www.{council[2]}/news/{slug(second_title)}", t0 + 2 * 86400,
        html([note] + sentences))
    if fi % 2 == 0:
        add(s2, "follow-up-copy", "Wire", "UPDATED: " + second_title, f"https://wire.example/f{fi}", t0 + 2 * 86400 + 3600,
            html([note] + sentences))

# Weekly round-ups quoting the first sentences of several stories.
originals = [i for i in items if i["pattern"] == "original"]
for w in range(6):
    council = COUNCILS[w]
    quoted = [i for i in originals if i["feed"] == council[1]][:4]
    if len(quoted) < 2:
        continue
    stories += 1
    body = [f"Here is our round-up of the week's news from {council[0]}."]
    for q in quoted:
        first = q["text"].split("</p>")[0].replace("<p>", "")
        body.append(f"<strong>{q['title']}</strong>: {first} Read more on our website.")
    add(f"s{stories:03d}", "round-up", council[1], f"Your weekly news round-up from {council[0]}",
        f"https://www.{council[2]}/news/weekly-round-up-{w}", BASE + 4 * 86400, html(body))

# Corrections: a notice that corrects a figure of an earlier story, quoting it.
for c in range(6):
    q = originals[c * 5]
    stories += 1
    first = q["text"].split("</p>")[0].replace("<p>", "")
    add(f"s{stories:03d}", "correction", q["feed"], "Correction: " + q["title"],
        q["link"] + "-correction", BASE + 5 * 86400,
        html([f"An earlier version of this article gave an incorrect figure. The correct figure is {R.randint(2, 99)}.",
              first, "We apologise for the error."]))

# Short boilerplate notices (< 30 words): same wording, different subject.
SHORT = [
    ("Planning application received: {road}",
     "A planning application has been received for land at {road}. Comments can be made online until the closing date shown on the planning portal."),
    ("Road closure: {road}",
     "{road} will be closed to through traffic while utility works are carried out. A signed diversion will be in place. We apologise for any inconvenience."),
    ("Public toilets closed: {road}",
     "The public toilets on {road} are closed until further notice because of vandalism. The nearest alternative toilets are in the library."),
    ("Tree works: {road}",
     "Our contractors will carry out tree works on {road} this week. Parking will be suspended near the trees while the crews are working."),
]
for si, (tt, body) in enumerate(SHORT):
    council = COUNCILS[si]
    for road in ROADS[si:si + 5]:
        stories += 1
        add(f"s{stories:03d}", "short", council[1], tt.format(road=road), f"https://www.{council[2]}/notices/{slug(road)}-{si}",
            BASE + 86400 + si * 3600, html([body.format(road=road)]))

print(json.dumps({
    "about": "Labelled items for Gazette's cross-feed duplicate rule, written by make-labelled-stories.py: "
             "items with the same 'story' are one story; 'pattern' says how the copy was made. Texts are sanitized HTML.",
    "items": items}, indent=1, ensure_ascii=False))
import sys
print(f"{len(items)} items, {stories} stories", file=sys.stderr)
