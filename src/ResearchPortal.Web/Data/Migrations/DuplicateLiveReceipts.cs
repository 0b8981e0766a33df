namespace ResearchPortal.Web.Data.Migrations;

/// <summary>
/// Before the unique index over live receipts exists, races could store two live receipts of one person for one
/// project. Keeps one (an accepted one, else the oldest) and declines the others with a reason, so the index can be
/// created. Plain SQL that PostgreSQL and SQLite both run.
/// </summary>
internal static class DuplicateLiveReceipts
{
    public const string DeclineAllButOneSql = """
        UPDATE "EnrollmentReceipts"
        SET "Status" = 'Declined',
            "DecisionReason" = '同一身份证号在本项目有更早或已录取的报名回执，此重复回执由系统升级时自动标记为未录取。',
            "DecidedBy" = '系统'
        WHERE "Status" IN ('Submitted', 'Accepted')
          AND EXISTS (
            SELECT 1 FROM "EnrollmentReceipts" AS kept
            WHERE kept."PlanProjectId" = "EnrollmentReceipts"."PlanProjectId"
              AND kept."IdNumberHash" = "EnrollmentReceipts"."IdNumberHash"
              AND kept."Status" IN ('Submitted', 'Accepted')
              AND ((kept."Status" = 'Accepted' AND "EnrollmentReceipts"."Status" = 'Submitted')
                OR (kept."Status" = "EnrollmentReceipts"."Status"
                  AND (kept."SubmittedAt" < "EnrollmentReceipts"."SubmittedAt"
                    OR (kept."SubmittedAt" = "EnrollmentReceipts"."SubmittedAt" AND kept."Id" < "EnrollmentReceipts"."Id")))));
        """;
}
