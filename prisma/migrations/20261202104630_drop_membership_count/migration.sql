-- MembershipCount (one row per year and category, written only by the seed) is superseded by
-- MembershipFigure (docs/decisions/016); nothing reads it. Nothing refers to it, and no view or
-- trigger of the search index reads it, so the index is left as it is.
DROP TABLE "MembershipCount";
