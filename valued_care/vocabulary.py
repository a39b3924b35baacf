"""Controlled vocabularies, defined once. Slugs are stable ids (used in URLs, filters and data); labels are shown."""

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
