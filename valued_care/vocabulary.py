"""Controlled vocabularies, defined once. Slugs are stable ids (used in URLs, filters and data); labels are shown."""
from typing import NamedTuple

SOURCE_TYPES = {
    # Ordered strongest first: the order is how a case study's "strongest evidence" is chosen.
    "peer-reviewed": "Peer-reviewed research",
    "regulator": "Regulator (for example CQC)",
    "national-body": "National body or health charity",
    "trust": "Trust's own publication",
    "award-entry": "Award or directory entry (self-reported)",
    "supplier": "Supplier or consultancy",
    "press": "Press or trade media",
    "other": "Other (for example a document-sharing copy)",
}

SETTINGS = {
    "trust-wide": "Trust-wide",
    "adult-inpatient": "Adult inpatient wards",
    "community": "Community mental health",
    "crisis": "Crisis and urgent care",
    "children-and-young-people": "Children and young people",
    "older-adults": "Older adults",
    "forensic": "Forensic and secure services",
    "learning-disability": "Learning disability and autism",
    "primary-care": "Primary care",
    "local-partnership": "Local system partnership",
}

REGIONS = {
    "london": "London",
    "south-east": "South East",
    "south-west": "South West",
    "east-of-england": "East of England",
    "midlands": "Midlands",
    "north-east-and-yorkshire": "North East and Yorkshire",
    "north-west": "North West",
    "several-regions": "Several regions",
}

METHODS = {
    "quality-improvement": "Quality improvement (Model for Improvement, PDSA)",
    "lean": "Lean and production systems",
    "co-production": "Co-production and co-design",
    "peer-support": "Peer support and lived-experience roles",
    "service-redesign": "Service redesign and new models of care",
    "partnership-working": "Partnership working",
    "workforce-development": "Workforce and leadership development",
    "staff-engagement": "Staff engagement and culture change",
    "digital": "Digital technology",
    "safety-programme": "Safety and restrictive-practice programmes",
    "data-and-measurement": "Data, measurement and benchmarking",
}

RESOURCE_TYPES = {
    "report": "Report",
    "guide": "Guide or toolkit",
    "paper": "Research paper",
    "book": "Book",
    "policy": "Policy or strategy",
    "website": "Website",
}

# How much of a case study the public sources describe. An outline gives what was done in broad terms only.
DEPTHS = {
    "full": "Full account: the problem, the concrete actions and what was measured",
    "outline": "Outline: the public sources describe the work only in broad terms",
}

# What became of a national target a chapter's current situation mentions. A target whose date has passed is never
# shown as current: it is shown with its outcome.
TARGET_STATUSES = {
    "met": "met",
    "missed": "missed",
    "moved": "moved to a later date",
    "replaced": "replaced by a later commitment",
    "in-progress": "in progress",
}

CONFIDENCE = {
    "checked": "Every fact checked against the sources",
    "partly-checked": "Some facts could not be fully checked against the sources",
}

# What a step of a reader pathway can point at: slug -> label shown, and slug -> the data folder it names a file of.
STEP_KINDS = {
    "chapter": "Chapter",
    "theory": "Theory review",
    "case-study": "Case study",
    "trust-story": "Trust story",
    "resource": "Resource",
}
STEP_FOLDERS = {
    "chapter": "ingredients",
    "theory": "theory",
    "case-study": "case_studies",
    "trust-story": "trust_stories",
    "resource": "resources",
}


class TopicTerm(NamedTuple):
    label: str  # short, for links and the finder's topic filter
    description: str  # one sentence: what a reader looking for this topic has in mind


# The problems readers bring, so they can go from "we have a problem with X" to the case studies about X. Drawn from
# the case studies' own content; each case study names at least one (topics:), and each topic has at least three.
TOPICS = {
    "violence-and-restraint": TopicTerm(
        "Violence and restraint",
        "Reducing violence on wards and the use of physical restraint, seclusion and rapid tranquilisation."),
    "suicide-and-self-harm": TopicTerm(
        "Suicide and self-harm",
        "Preventing suicide and self-harm, on wards and in the community, and learning after deaths."),
    "falls-and-physical-health": TopicTerm(
        "Falls and physical health",
        "Preventing falls on wards and caring for the physical health of people with mental illness."),
    "beds-and-out-of-area-placements": TopicTerm(
        "Beds and out-of-area placements",
        "Patient flow: shorter stays, fewer delayed discharges and care close to home instead of in distant or "
        "private beds."),
    "crisis-care": TopicTerm(
        "Crisis care",
        "Help for people in a mental health crisis: crisis lines, safe havens, home treatment, liaison teams and "
        "work with the police, as alternatives to A&E."),
    "waiting-times-and-access": TopicTerm(
        "Waiting times and access",
        "Shorter waits, simpler ways into services and fewer missed appointments."),
    "young-peoples-services": TopicTerm(
        "Young people's services",
        "Mental health care for children and young people, and the move from children's to adult services."),
    "carers-and-families": TopicTerm(
        "Carers and families",
        "Involving carers and families in care and in improvement, and supporting them."),
    "lived-experience-and-peer-support": TopicTerm(
        "Lived experience and peer support",
        "People who use services as partners: co-production, paid lived-experience roles and peer support workers."),
    "staff-wellbeing": TopicTerm(
        "Staff wellbeing",
        "Staff morale, engagement and joy in work, and what the staff survey says."),
    "staffing-and-agency-costs": TopicTerm(
        "Staffing and agency costs",
        "Recruiting and keeping staff, filling vacancies with new roles, and cutting spending on agency staff."),
    "racism-and-equality": TopicTerm(
        "Racism and equality",
        "Fair access and outcomes for people of every ethnicity and background, equality for staff, and the social "
        "causes of unequal health."),
    "speaking-up-and-learning": TopicTerm(
        "Speaking up and learning",
        "Helping staff raise concerns, and responding to incidents by learning rather than blaming."),
    "inspection-ratings": TopicTerm(
        "Improving an inspection rating",
        "Trusts that moved out of Requires Improvement, Inadequate or a low star rating, and where ratings slipped "
        "back."),
    "costs-and-productivity": TopicTerm(
        "Costs and productivity",
        "Releasing clinical time, using buildings and rosters well, and saving money without cutting care."),
    "digital-records-and-technology": TopicTerm(
        "Digital records and technology",
        "Electronic records, prescribing and observations, video consultations, text reminders and data for "
        "research."),
    "building-improvement-skills": TopicTerm(
        "Building improvement skills",
        "Starting and spreading quality improvement across a trust: training, academies, coaching and improvement "
        "systems."),
    "recovery-work-and-community": TopicTerm(
        "Recovery, work and community",
        "Recovery colleges, employment support, community hubs and work on the social causes of poor mental health."),
    "new-treatments-and-evidence": TopicTerm(
        "New treatments and evidence",
        "Trying and evaluating new therapies, tests and models of care, including what happened when the evidence "
        "was weak."),
}
