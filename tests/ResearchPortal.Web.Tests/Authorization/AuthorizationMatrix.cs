namespace ResearchPortal.Web.Tests.Authorization;

/// <summary>What an actor gets from one page handler.</summary>
public enum Outcome
{
    /// <summary>A: 2xx, or a redirect that is not to login / access denied (POST-redirect-GET, "already approved → details").
    /// A POST answered 200 with validation errors counts: the handler ran for this user.</summary>
    Allowed,

    /// <summary>L: 302 to /Account/Login.</summary>
    LoginRedirect,

    /// <summary>F: 403, or 302 to /Account/AccessDenied (a role policy refused).</summary>
    Forbidden,

    /// <summary>N: 404 — the resource check refused, and says no more than "not here".</summary>
    NotFound,
}

/// <summary>A page handler as Razor Pages routes it: page path (e.g. <c>/Filings/Edit</c>), HTTP method, handler name or null.</summary>
public sealed record HandlerKey(string Page, string Method, string? Handler)
{
    public override string ToString() => $"{Method,-4} {Page}{(Handler is null ? string.Empty : $" [{Handler}]")}";
}

/// <param name="Url">The request URL (with <c>?handler=</c> or the route's handler segment) built from the scenario's ids.</param>
/// <param name="Expected">One outcome per <see cref="Actor"/>, in column order.</param>
/// <param name="Form">Minimal form fields for a POST (the anti-forgery token is added by the runner). They are chosen so
/// that an allowed POST is refused by validation or the domain and changes nothing another row depends on.</param>
/// <param name="FreshSession">Sign each actor in anew for this row (the handler ends the session it runs in).</param>
public sealed record MatrixRow(
    HandlerKey Key,
    Func<MatrixScenario, string> Url,
    IReadOnlyList<Outcome> Expected,
    Func<MatrixScenario, Dictionary<string, string>>? Form = null,
    bool FreshSession = false)
{
    public Outcome ExpectedFor(Actor actor) => Expected[(int)actor];
}

/// <summary>
/// Every page handler of the portal × every actor. Columns (see <see cref="Actor"/>):
/// anonymous · trainee on the roster · another trainee · host-unit organizer · other-unit organizer ·
/// applicant-only organizer · reviewer. Cells: A allowed, L login redirect, F forbidden, N not found.
/// A new page or handler must get a row here, or <c>AuthorizationMatrixTests</c> fails naming it.
/// </summary>
public static class AuthorizationMatrix
{
    // Recurring columns, named by who gets through.
    private const string Everyone = "A A A A A A A";
    private const string SignedIn = "L A A A A A A";
    private const string ReviewerOnly = "L F F F F F A";
    private const string HostOrganizerOnly = "L F F A N N F";           // organizer policy, then Manage on the project
    private const string HostOrReviewerReads = "L F F A N N A";         // host organizer edits, reviewer reads, others 404
    private const string HostOrganizerWrites = "L F F A N N N";         // the same pages' POSTs: the reviewer only reads (404)
    private const string ProjectViewers = "L N N A N A A";              // [Authorize] + View: host, applicant, reviewer
    private const string HostOrReviewerDocuments = "L N N A N N A";     // [Authorize] + host-or-reviewer: trainees get 404
    private const string TraineesOnly = "L A A F F F F";
    private const string TheTraineeOnly = "L A N F F F F";              // trainee policy, then "own records only"

    public static IReadOnlyList<MatrixRow> Rows { get; } =
    [
        // ── Public and account pages ─────────────────────────────────────────────────────────────── anon tr tr2 host oth app rev
        Get("/Index", null, _ => "/", Everyone),
        Get("/Error", null, _ => "/Error", Everyone),
        Post("/Error", null, _ => "/Error", Everyone),                                      // a failed post is re-executed as a post
        Get("/Account/AccessDenied", null, _ => "/Account/AccessDenied", "F F F F F F F"), // the page itself answers 403
        Get("/Account/Login", null, _ => "/Account/Login", Everyone),
        Post("/Account/Login", null, _ => "/Account/Login", Everyone),                      // empty form → 200 with errors
        Get("/Account/Logout", null, _ => "/Account/Logout", Everyone),                     // → redirect home
        Post("/Account/Logout", null, _ => "/Account/Logout", Everyone, freshSession: true),
        Get("/Account/Register", null, _ => "/Account/Register", Everyone),
        Post("/Account/Register", null, _ => "/Account/Register", Everyone),
        Get("/Account/ConfirmEmail", null, _ => "/Account/ConfirmEmail", Everyone),                 // no token → "link invalid", 200
        Get("/Account/ForgotPassword", null, _ => "/Account/ForgotPassword", Everyone),
        Post("/Account/ForgotPassword", null, _ => "/Account/ForgotPassword", Everyone),            // no e-mail → 200
        Get("/Account/ResetPassword", null, _ => "/Account/ResetPassword", Everyone),
        Post("/Account/ResetPassword", null, _ => "/Account/ResetPassword", Everyone),              // no password → 200
        Get("/Account/ChangePassword", null, _ => "/Account/ChangePassword", SignedIn),
        Post("/Account/ChangePassword", null, _ => "/Account/ChangePassword", SignedIn),            // no password → 200
        Get("/Seminars/Index", null, _ => "/Seminars", Everyone),
        Get("/Seminars/Details", null, s => $"/Seminars/Details?projectId={s.ProjectId}", Everyone),
        Get("/Seminars/Notice", null, s => $"/Seminars/Notice?projectId={s.ProjectId}", Everyone),
        Get("/Verify/Index", null, _ => "/Verify?number=X", Everyone),
        Post("/Verify/Index", null, _ => "/Verify", Everyone),
        Post("/Verify/Index", "Upload", _ => "/Verify?handler=Upload", Everyone),          // no file → 200 with the error

        // ── Organizer and reviewer dashboard ──────────────────────────────────────────────────────
        Get("/Projects/Index", null, _ => "/Projects", "L F F A A A A"),                   // each sees only own units' rows
        Get("/Projects/Details", null, s => $"/Projects/Details?id={s.ProjectId}", "L F F A N A A"),
        Get("/Statistics/Index", null, s => $"/Statistics?year={s.Year}", "L F F A A A A"),                 // each unit its own part
        Get("/Statistics/Index", "Xlsx", s => $"/Statistics?handler=Xlsx&year={s.Year}", "L F F A A A A"),

        // ── Filing (host unit) ────────────────────────────────────────────────────────────────────
        Get("/Filings/Edit", null, s => $"/Filings/Edit?projectId={s.ProjectId}", HostOrganizerOnly), // approved → redirect to details
        Post("/Filings/Edit", "Save", s => $"/Filings/Edit?projectId={s.ProjectId}&handler=Save", HostOrganizerOnly),
        Post("/Filings/Edit", "Submit", s => $"/Filings/Edit?projectId={s.ProjectId}&handler=Submit", HostOrganizerOnly),
        Post("/Filings/Edit", "AddRow", s => $"/Filings/Edit?projectId={s.ProjectId}&handler=AddRow", HostOrganizerOnly),
        Post("/Filings/Edit", "RemoveRow", s => $"/Filings/Edit?projectId={s.ProjectId}&handler=RemoveRow&row=0", HostOrganizerOnly),
        Get("/Filings/Details", null, s => $"/Filings/Details?projectId={s.ProjectId}", ProjectViewers),
        Get("/Filings/Attachment", null, s => $"/Filings/Attachment?projectId={s.ProjectId}&kind=ImplementationPlan", ProjectViewers),

        // ── Enrollment ────────────────────────────────────────────────────────────────────────────
        Get("/Enrollments/New", null, s => $"/Enrollments/New?projectId={s.ProjectId}", TraineesOnly),
        Post("/Enrollments/New", null, s => $"/Enrollments/New?projectId={s.ProjectId}", TraineesOnly),           // no ID number → 200
        Get("/Enrollments/Mine", null, _ => "/Enrollments/Mine", TraineesOnly),
        Post("/Enrollments/Mine", "Withdraw", s => $"/Enrollments/Mine?handler=Withdraw&receiptId={s.ReceiptId}", TheTraineeOnly), // accepted → refused, 200
        Get("/Enrollments/Queue", null, s => $"/Enrollments/Queue?projectId={s.ProjectId}", HostOrganizerOnly),
        Get("/Enrollments/Queue", "Details", s => $"/Enrollments/Queue?projectId={s.ProjectId}&handler=Details&receiptId={s.ReceiptId}", HostOrganizerOnly),
        Post("/Enrollments/Queue", "Accept", s => $"/Enrollments/Queue?projectId={s.ProjectId}&handler=Accept", HostOrganizerOnly,
            s => new() { ["Decision.ReceiptId"] = s.ReceiptId.ToString() }),                                        // already on roster → 200
        Post("/Enrollments/Queue", "Decline", s => $"/Enrollments/Queue?projectId={s.ProjectId}&handler=Decline", HostOrganizerOnly,
            s => new() { ["Decision.ReceiptId"] = s.ReceiptId.ToString() }),                                        // decided, no reason → 200
        Post("/Enrollments/Queue", "AcceptSelected", s => $"/Enrollments/Queue?projectId={s.ProjectId}&handler=AcceptSelected", HostOrganizerOnly,
            _ => new()),                                                                                             // nothing ticked → 200
        Post("/Enrollments/Queue", "DeclineSelected", s => $"/Enrollments/Queue?projectId={s.ProjectId}&handler=DeclineSelected", HostOrganizerOnly,
            s => new() { ["Selected"] = s.ReceiptId.ToString() }),                                                   // no reason → 200
        Get("/Enrollments/Record", null, s => $"/Enrollments/Record?projectId={s.ProjectId}", HostOrganizerOnly),
        Post("/Enrollments/Record", null, s => $"/Enrollments/Record?projectId={s.ProjectId}", HostOrganizerOnly),     // no ID number → 200

        // ── Roster, 班委/党小组, outcomes (host unit edits, reviewer reads) ───────────────────────────
        Get("/Roster/Index", null, s => $"/Roster?projectId={s.ProjectId}", HostOrReviewerReads),
        Post("/Roster/Index", "Save", s => $"/Roster?projectId={s.ProjectId}&handler=Save", HostOrganizerWrites,
            s => new() { ["Input[0].EntryId"] = s.TraineeEntryId.ToString(), ["Input[0].Passed"] = "true" }),         // hours missing → 200
        Post("/Roster/Index", "Apply", s => $"/Roster?projectId={s.ProjectId}&handler=Apply", HostOrganizerWrites,
            _ => new() { ["Bulk.CompletedHours"] = "1" }),                                                           // nothing ticked → 200
        Post("/Roster/Index", "Certificates", s => $"/Roster?projectId={s.ProjectId}&handler=Certificates", HostOrganizerWrites,
            _ => new() { ["Certificate.StartNumber"] = "0" }),                                                       // out of range → 200
        Get("/Roster/Index", "Revocation", s => $"/Roster?projectId={s.ProjectId}&handler=Revocation&entryId={s.TraineeEntryId}", HostOrReviewerReads),
        Post("/Roster/Index", "Revoke", s => $"/Roster?projectId={s.ProjectId}&handler=Revoke&entryId={s.TraineeEntryId}", HostOrReviewerReads,
            _ => new() { ["Revocation.Reason"] = " " }),                                                             // no reason → 200
        Get("/Roster/Person", null, s => $"/Roster/Person?projectId={s.ProjectId}&entryId={s.TraineeEntryId}", HostOrReviewerReads),
        Get("/PartyGroups/Index", null, s => $"/PartyGroups?projectId={s.ProjectId}", HostOrReviewerReads),
        Post("/PartyGroups/Index", "AddMember", s => $"/PartyGroups?projectId={s.ProjectId}&handler=AddMember", HostOrganizerWrites,
            _ => new() { ["Member.Name"] = "张三" }),                                                                 // no body chosen → 200
        Post("/PartyGroups/Index", "RemoveMember", s => $"/PartyGroups?projectId={s.ProjectId}&handler=RemoveMember&memberId={Guid.Empty}", HostOrganizerWrites),
        Post("/PartyGroups/Index", "AddActivity", s => $"/PartyGroups?projectId={s.ProjectId}&handler=AddActivity", HostOrganizerWrites,
            _ => new() { ["Activity.Summary"] = "学习" }),                                                            // no date → 200
        Post("/PartyGroups/Index", "RemoveActivity", s => $"/PartyGroups?projectId={s.ProjectId}&handler=RemoveActivity&activityId={Guid.Empty}", HostOrganizerWrites),
        Get("/Outcomes/Index", null, s => $"/Outcomes?projectId={s.ProjectId}", HostOrReviewerReads),
        Get("/Outcomes/Index", "File", s => $"/Outcomes?projectId={s.ProjectId}&handler=File&outcomeId={s.OutcomeId}", HostOrReviewerReads),
        Post("/Outcomes/Index", "Recommend", s => $"/Outcomes?projectId={s.ProjectId}&handler=Recommend&outcomeId={s.OutcomeId}", HostOrganizerWrites), // cap 0 → 200
        Post("/Outcomes/Index", "Unrecommend", s => $"/Outcomes?projectId={s.ProjectId}&handler=Unrecommend&outcomeId={s.OutcomeId}", HostOrganizerWrites),
        Get("/Outcomes/Submit", null, s => $"/Outcomes/Submit?projectId={s.ProjectId}", TheTraineeOnly),
        Post("/Outcomes/Submit", null, s => $"/Outcomes/Submit?projectId={s.ProjectId}", TheTraineeOnly),          // no title → 200

        // ── Close-out ─────────────────────────────────────────────────────────────────────────────
        Get("/CloseOuts/Edit", null, s => $"/CloseOuts/Edit?projectId={s.ProjectId}", HostOrReviewerReads),
        Post("/CloseOuts/Edit", "Save", s => $"/CloseOuts/Edit?projectId={s.ProjectId}&handler=Save", HostOrganizerWrites,
            _ => new() { ["Input.HostScore"] = "999" }),                                                              // out of range → 200
        Post("/CloseOuts/Edit", "Submit", s => $"/CloseOuts/Edit?projectId={s.ProjectId}&handler=Submit", HostOrganizerWrites,
            _ => new() { ["Input.HostScore"] = "999" }),
        Get("/CloseOuts/ApplicantScore", null, s => $"/CloseOuts/ApplicantScore?projectId={s.ProjectId}", "L F F N N A F"),
        Post("/CloseOuts/ApplicantScore", null, s => $"/CloseOuts/ApplicantScore?projectId={s.ProjectId}", "L F F N N A F"), // no score → 200

        // ── Documents (PDF) ───────────────────────────────────────────────────────────────────────
        Get("/Documents/Filing", null, s => $"/Documents/Filing?projectId={s.ProjectId}", ProjectViewers),
        Get("/Documents/Receipt", null, s => $"/Documents/Receipt?receiptId={s.ReceiptId}", "L A N A N N A"),     // own receipt, host, reviewer
        Get("/Documents/Receipts", null, s => $"/Documents/Receipts?projectId={s.ProjectId}", HostOrReviewerDocuments),
        Get("/Documents/Roster", null, s => $"/Documents/Roster?projectId={s.ProjectId}", HostOrReviewerDocuments),
        Get("/Documents/SelfEvaluation", null, s => $"/Documents/SelfEvaluation?projectId={s.ProjectId}", ProjectViewers),
        Get("/Documents/Acceptance", null, s => $"/Documents/Acceptance?projectId={s.ProjectId}", ProjectViewers),
        Get("/Documents/Certificates", null, s => $"/Documents/Certificates?projectId={s.ProjectId}", HostOrReviewerDocuments),
        Get("/Documents/Certificates", "Zip", s => $"/Documents/Certificates/Zip?projectId={s.ProjectId}", HostOrReviewerDocuments),
        Get("/Documents/Certificate", null, s => $"/Documents/Certificate?entryId={s.TraineeEntryId}", "L A N N N N N"), // the holder's own only

        // ── Spreadsheets ──────────────────────────────────────────────────────────────────────────
        Get("/Spreadsheets/AllProjects", null, _ => "/Spreadsheets/AllProjects", ReviewerOnly),
        Get("/Spreadsheets/ImportProjects", null, s => $"/Spreadsheets/ImportProjects?year={s.Year}", ReviewerOnly),
        Get("/Spreadsheets/ImportProjects", "Template", _ => "/Spreadsheets/ImportProjects?handler=Template", ReviewerOnly),
        Post("/Spreadsheets/ImportProjects", null, s => $"/Spreadsheets/ImportProjects?year={s.Year}", ReviewerOnly),           // no file → 200
        Get("/Spreadsheets/ImportRoster", null, s => $"/Spreadsheets/ImportRoster?projectId={s.ProjectId}", HostOrganizerOnly),
        Get("/Spreadsheets/ImportRoster", "Template", _ => "/Spreadsheets/ImportRoster?handler=Template", "L F F A A A F"), // a blank template
        Post("/Spreadsheets/ImportRoster", null, s => $"/Spreadsheets/ImportRoster?projectId={s.ProjectId}", HostOrganizerOnly), // no file → 200
        Get("/Spreadsheets/Project", "Roster", s => $"/Spreadsheets/Project/Roster?projectId={s.ProjectId}", HostOrReviewerReads),
        Get("/Spreadsheets/Project", "Hours", s => $"/Spreadsheets/Project/Hours?projectId={s.ProjectId}", HostOrReviewerReads),
        Get("/Spreadsheets/Project", "Enrollments", s => $"/Spreadsheets/Project/Enrollments?projectId={s.ProjectId}", HostOrReviewerReads),

        // ── Review (省人社厅专技处) ─────────────────────────────────────────────────────────────────
        Get("/Review/Filings", null, _ => "/Review/Filings", ReviewerOnly),
        Get("/Review/Filing", null, s => $"/Review/Filing?projectId={s.ProjectId}", ReviewerOnly),
        Get("/Review/Filing", "Attachment", s => $"/Review/Filing?projectId={s.ProjectId}&handler=Attachment&fileId={s.PlanFileId}", ReviewerOnly),
        Post("/Review/Filing", "Approve", s => $"/Review/Filing?projectId={s.ProjectId}&handler=Approve", ReviewerOnly),   // no version → 200
        Post("/Review/Filing", "Return", s => $"/Review/Filing?projectId={s.ProjectId}&handler=Return", ReviewerOnly),
        Post("/Review/Filing", "AllowLate", s => $"/Review/Filing?projectId={s.ProjectId}&handler=AllowLate", ReviewerOnly), // no version → 200
        Get("/Review/CloseOuts", null, _ => "/Review/CloseOuts", ReviewerOnly),
        Get("/Review/CloseOut", null, s => $"/Review/CloseOut?projectId={s.ProjectId}", ReviewerOnly),
        Post("/Review/CloseOut", "Approve", s => $"/Review/CloseOut?projectId={s.ProjectId}&handler=Approve", ReviewerOnly),
        Post("/Review/CloseOut", "Return", s => $"/Review/CloseOut?projectId={s.ProjectId}&handler=Return", ReviewerOnly),
        Get("/Review/Deadlines", null, _ => "/Review/Deadlines", ReviewerOnly),
        Get("/Review/Outcomes", null, _ => "/Review/Outcomes", ReviewerOnly),
        Post("/Review/Outcomes", "Select", s => $"/Review/Outcomes?handler=Select&id={s.OutcomeId}", ReviewerOnly),       // not recommended → 200
        Post("/Review/Outcomes", "Unselect", s => $"/Review/Outcomes?handler=Unselect&id={s.OutcomeId}", ReviewerOnly),
        Get("/Review/SpotChecks", null, s => $"/Review/SpotChecks?projectId={s.ProjectId}", ReviewerOnly),
        Post("/Review/SpotChecks", null, s => $"/Review/SpotChecks?projectId={s.ProjectId}", ReviewerOnly),             // no date → 200

        // ── Administration ───────────────────────────────────────────────────────────────────────
        Get("/Admin/Accounts", null, _ => "/Admin/Accounts", ReviewerOnly),
        Post("/Admin/Accounts", "Create", _ => "/Admin/Accounts?handler=Create", ReviewerOnly),                           // empty → 200
        Post("/Admin/Accounts", "Disable", s => $"/Admin/Accounts?handler=Disable&id={s.ReviewerUserId}", ReviewerOnly), // own account → refused, 200
        Post("/Admin/Accounts", "Enable", s => $"/Admin/Accounts?handler=Enable&id={s.BystanderUserId}", ReviewerOnly),
        Get("/Admin/AccountPassword", null, s => $"/Admin/AccountPassword?id={s.BystanderUserId}", ReviewerOnly),
        Post("/Admin/AccountPassword", null, s => $"/Admin/AccountPassword?id={s.BystanderUserId}", ReviewerOnly),     // no password → 200
        Get("/Admin/AccountIdNumber", null, s => $"/Admin/AccountIdNumber?id={s.BystanderUserId}", ReviewerOnly),
        Post("/Admin/AccountIdNumber", null, s => $"/Admin/AccountIdNumber?id={s.BystanderUserId}", ReviewerOnly),     // nothing bound → 200
        Get("/Admin/Audit", null, _ => "/Admin/Audit", ReviewerOnly),
        Get("/Admin/Calendar", null, _ => "/Admin/Calendar", ReviewerOnly),
        Get("/Admin/Mail", null, _ => "/Admin/Mail", ReviewerOnly),
        Post("/Admin/Mail", "Resend", _ => $"/Admin/Mail?handler=Resend&id={Guid.Empty}", "L F F F F F N"),             // no such mail → 404
        Post("/Admin/Calendar", "AddHolidays", s => $"/Admin/Calendar?year={s.Year}&handler=AddHolidays", ReviewerOnly,
            _ => new() { ["Holiday.Name"] = "测试" }),                                                                 // no dates → 200
        Post("/Admin/Calendar", "AddWorkday", s => $"/Admin/Calendar?year={s.Year}&handler=AddWorkday", ReviewerOnly,
            _ => new() { ["Workday.Name"] = "测试" }),
        Post("/Admin/Calendar", "Remove", s => $"/Admin/Calendar?year={s.Year}&handler=Remove&date={s.Year}-06-03", ReviewerOnly), // an ordinary day → 200
        Post("/Admin/Calendar", "Publish", s => $"/Admin/Calendar?year={s.Year}&handler=Publish", ReviewerOnly),     // already published → 200
        Post("/Admin/Calendar", "CreateYear", _ => "/Admin/Calendar?handler=CreateYear", ReviewerOnly,
            _ => new() { ["NewYear.Notice"] = "测试" }),                                                               // no year → 200
        Get("/Admin/Organizations", null, _ => "/Admin/Organizations", ReviewerOnly),
        Post("/Admin/Organizations", null, _ => "/Admin/Organizations", ReviewerOnly),                                 // no name → 200
        Get("/Admin/PlanYears", null, _ => "/Admin/PlanYears", ReviewerOnly),
        Post("/Admin/PlanYears", null, _ => "/Admin/PlanYears", ReviewerOnly),                                         // no year → 200
        Get("/Admin/Projects", null, s => $"/Admin/Projects?year={s.Year}", ReviewerOnly),
        Post("/Admin/Projects", null, s => $"/Admin/Projects?year={s.Year}", ReviewerOnly),                           // no number → 200
    ];

    private static MatrixRow Get(string page, string? handler, Func<MatrixScenario, string> url, string expected) =>
        new(new HandlerKey(page, "GET", handler), url, Parse(expected));

    private static MatrixRow Post(
        string page, string? handler, Func<MatrixScenario, string> url, string expected,
        Func<MatrixScenario, Dictionary<string, string>>? form = null, bool freshSession = false) =>
        new(new HandlerKey(page, "POST", handler), url, Parse(expected), form, freshSession);

    private static Outcome[] Parse(string cells)
    {
        var outcomes = cells.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(cell => cell switch
        {
            "A" => Outcome.Allowed,
            "L" => Outcome.LoginRedirect,
            "F" => Outcome.Forbidden,
            "N" => Outcome.NotFound,
            _ => throw new ArgumentException($"Unknown matrix cell '{cell}' in \"{cells}\" (use A, L, F or N)."),
        }).ToArray();
        return outcomes.Length == Enum.GetValues<Actor>().Length
            ? outcomes
            : throw new ArgumentException($"\"{cells}\" has {outcomes.Length} cells; the matrix has {Enum.GetValues<Actor>().Length} actors.");
    }
}
