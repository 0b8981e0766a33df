using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Data.Configurations;
using ResearchPortal.Web.Data.IdNumbers;
using ResearchPortal.Web.Documents.Certificates;
using ResearchPortal.Web.Documents.Xlsx;
using Columns = ResearchPortal.Web.Documents.Exports.RosterSheet;

namespace ResearchPortal.Web.Documents.Imports;

/// <summary>
/// Adds the trainees of an Annex 4 spreadsheet to a project's roster, all or nothing. Every row goes through the
/// domain (ID number, gender parity, required fields, hours within the filing's total, results and certificates only
/// when <see cref="RosterRules"/> allow them); ID numbers must be new to the file and to the project, certificate numbers
/// new to the file and to the whole system, revoked ones included. A row without hours and pass is a plain trainee,
/// so a roster can be imported before the seminar. New entries are numbered
/// after the current roster in file order: the file's 序号 column is not needed and not used.
/// </summary>
public sealed class RosterImport(PortalDbContext db, IdNumberLookup lookup, AuditLog audit)
{

    public static readonly IReadOnlyList<string> RequiredColumns =
    [
        Columns.Name, Columns.Gender, Columns.IdNumber, Columns.WorkUnit, Columns.ProfessionalTitle, Columns.Phone,
        Columns.CompletedHours, Columns.Passed, Columns.CertificateNumber,
    ];

    private static readonly IReadOnlyDictionary<string, string> ColumnByDomainField = new Dictionary<string, string>
    {
        [nameof(RosterEntry.Sequence)] = Columns.Sequence,
        [nameof(RosterEntry.Name)] = Columns.Name,
        [nameof(RosterEntry.Gender)] = Columns.Gender,
        [nameof(RosterEntry.IdNumber)] = Columns.IdNumber,
        [nameof(RosterEntry.WorkUnit)] = Columns.WorkUnit,
        [nameof(RosterEntry.ProfessionalTitle)] = Columns.ProfessionalTitle,
        [nameof(RosterEntry.Phone)] = Columns.Phone,
        [nameof(RosterEntry.CompletedHours)] = Columns.CompletedHours,
        [nameof(RosterEntry.Passed)] = Columns.Passed,
        [nameof(RosterEntry.CertificateNumber)] = Columns.CertificateNumber,
    };

    /// <param name="filing">Its 学时总计 caps each trainee's hours; its status and dates decide whether results and
    /// certificate numbers may be recorded on <paramref name="today"/>.</param>
    public async Task<ImportResult> ImportAsync(
        PlanProject project, Filing filing, Stream file, Actor actor, DateOnly today, CancellationToken cancellationToken = default)
    {
        var read = await ImportSheet.ReadAsync(file, RequiredColumns, [Columns.Sequence], cancellationToken);
        if (read.IsFailure)
        {
            return ImportResult.RefusedFile(read.Errors[0].Message);
        }

        var sheet = read.Value;
        var onRoster = await db.RosterEntries.AsNoTracking()
            .Where(e => e.PlanProjectId == project.Id)
            .Select(e => new { Hash = EF.Property<string>(e, IdNumberMapping.HashProperty), e.Sequence })
            .ToListAsync(cancellationToken);
        var rows = new RosterRows(project.Id, filing, today, onRoster.Select(e => e.Hash).ToHashSet(), lookup);
        var nextSequence = onRoster.Count == 0 ? 1 : onRoster.Max(e => e.Sequence) + 1;
        foreach (var row in sheet.Rows)
        {
            rows.Add(sheet, row, nextSequence + rows.Entries.Count);
        }

        var certificateNumbers = rows.CertificateRows.Keys.ToList();
        foreach (var number in await UsedCertificateNumbers.AmongAsync(db, certificateNumbers, cancellationToken))
        {
            rows.Problems.Add(rows.CertificateRows[number], Columns.CertificateNumber, $"培训证书编号“{number}”已被其他学员使用或已撤销。");
        }

        if (rows.Problems.Any)
        {
            return rows.Problems.ToRefusal();
        }

        // One batch: change detection per Add would make 5,000 rows quadratic.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.RosterEntries.AddRange(rows.Entries);

        audit.Record(actor, AuditActions.RosterImported, AuditSubjects.Project(project), project.Id, $"导入 {rows.Entries.Count} 名学员");
        return await ImportStore.SaveAsync(db, rows.Entries.Count, cancellationToken);
    }

    /// <summary>Validates rows one by one and keeps what the whole-file checks need.</summary>
    private sealed class RosterRows(Guid projectId, Filing filing, DateOnly today, HashSet<string> hashesOnRoster, IdNumberLookup lookup)
    {
        private readonly Dictionary<string, int> _rowByIdHash = [];

        public RowProblems Problems { get; } = new(ColumnByDomainField);

        public List<RosterEntry> Entries { get; } = [];

        /// <summary>Certificate number (normalized) → the first row that gives it.</summary>
        public Dictionary<string, int> CertificateRows { get; } = new(StringComparer.Ordinal);

        public void Add(ImportSheet sheet, XlsxRow row, int sequence)
        {
            var number = row.Number;
            var gender = ParseGender(sheet.Cell(row, Columns.Gender), number);
            var idNumber = ParseIdNumber(sheet.Cell(row, Columns.IdNumber), number);
            var hours = ParseHours(sheet.Cell(row, Columns.CompletedHours), number);
            var passed = ParsePassed(sheet.Cell(row, Columns.Passed), number);
            var certificateNumber = CheckCertificateNumber(sheet.Cell(row, Columns.CertificateNumber), number);
            if (gender is null || idNumber is null)
            {
                return;
            }

            var created = RosterEntry.Create(
                projectId, sequence, sheet.Cell(row, Columns.Name), gender.Value, idNumber, sheet.Cell(row, Columns.WorkUnit),
                sheet.Cell(row, Columns.ProfessionalTitle), sheet.Cell(row, Columns.Phone));
            Problems.Add(number, created);
            if (created.IsFailure || hours is null || passed is null)
            {
                return;
            }

            var entry = created.Value;
            var recorded = hours > 0 || passed.Value ? entry.RecordResult(hours.Value, passed.Value, filing, today) : Result.Success();
            Problems.Add(number, recorded);

            // A number issued before the portal (on paper) is recorded as given; uniqueness is checked for the whole file.
            var issued = recorded.IsSuccess && certificateNumber is not null ? entry.RecordIssuedCertificate(certificateNumber, filing, today) : Result.Success();
            Problems.Add(number, issued);
            if (recorded.IsSuccess && issued.IsSuccess)
            {
                Entries.Add(entry);
            }
        }

        private Gender? ParseGender(string text, int row)
        {
            Gender? gender = text switch
            {
                "男" => Gender.Male,
                "女" => Gender.Female,
                _ => null,
            };
            if (gender is null)
            {
                Problems.Add(row, Columns.Gender, "性别应填写“男”或“女”。");
            }

            return gender;
        }

        private IdNumber? ParseIdNumber(string text, int row)
        {
            // Typed into a cell not formatted as text, an ID number becomes 3.70102E+17 and its last digits are lost.
            if (text.Contains("E+", StringComparison.OrdinalIgnoreCase))
            {
                Problems.Add(row, Columns.IdNumber, "身份证号被 Excel 存成了数字（科学计数法），末几位已丢失。请将该列设为“文本”格式后重新填写。");
                return null;
            }

            var parsed = IdNumber.Parse(text, today);
            if (parsed.IsFailure)
            {
                Problems.Add(row, Columns.IdNumber, parsed.Errors[0].Message);
                return null;
            }

            var hash = lookup.HashOf(parsed.Value);
            if (hashesOnRoster.Contains(hash))
            {
                Problems.Add(row, Columns.IdNumber, "该身份证号的学员已在本项目名单中。");
            }
            else if (!_rowByIdHash.TryAdd(hash, row))
            {
                Problems.Add(row, Columns.IdNumber, $"与第 {_rowByIdHash[hash]} 行的身份证号重复。");
            }

            return parsed.Value;
        }

        /// <summary>Blank means no hours recorded yet (0).</summary>
        private decimal? ParseHours(string text, int row)
        {
            if (text.Length == 0)
            {
                return 0;
            }

            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var hours))
            {
                return hours;
            }

            Problems.Add(row, Columns.CompletedHours, "完成学时应为数字，如 24 或 24.5。");
            return null;
        }

        /// <summary>Blank means not (yet) passed.</summary>
        private bool? ParsePassed(string text, int row)
        {
            switch (text)
            {
                case Columns.Yes:
                    return true;
                case Columns.No or "":
                    return false;
                default:
                    Problems.Add(row, Columns.Passed, $"是否通过结业考核应填写“{Columns.Yes}”或“{Columns.No}”。");
                    return null;
            }
        }

        private string? CheckCertificateNumber(string cell, int row)
        {
            if (cell.Length == 0)
            {
                return null;
            }

            var text = CertificateNumbers.Normalize(cell);
            if (text.Length > RosterEntryConfiguration.CertificateNumberMaxLength)
            {
                Problems.Add(row, Columns.CertificateNumber, $"培训证书编号不能超过 {RosterEntryConfiguration.CertificateNumberMaxLength} 个字符。");
            }
            else if (!CertificateRows.TryAdd(text, row))
            {
                Problems.Add(row, Columns.CertificateNumber, $"与第 {CertificateRows[text]} 行的培训证书编号重复。");
            }

            return text;
        }
    }
}
