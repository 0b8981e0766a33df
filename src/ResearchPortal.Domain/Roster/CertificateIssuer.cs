using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Plans;

namespace ResearchPortal.Domain.Roster;

public static class CertificateIssuer
{
    /// <summary>Numbers every passed entry that has no certificate yet, in roster order, from <paramref name="startNumber"/>
    /// upward using the plan year's pattern, once <see cref="RosterRules.CheckCertificatesOpen"/> allows it. All or nothing:
    /// when any generated number is already taken or was ever revoked, no entry changes.</summary>
    /// <param name="numbersInUse">Certificate numbers issued or revoked anywhere else in the system.</param>
    /// <returns>The entries that received a number, in the order they were numbered.</returns>
    public static Result<IReadOnlyList<RosterEntry>> Assign(
        IReadOnlyList<RosterEntry> roster,
        Filing filing,
        DateOnly today,
        PlanYear year,
        string projectNumber,
        int startNumber,
        IReadOnlySet<string> numbersInUse)
    {
        var open = RosterRules.CheckCertificatesOpen(filing, today, nameof(startNumber));
        if (open.IsFailure)
        {
            return Result.Failure<IReadOnlyList<RosterEntry>>(open.Errors);
        }

        if (startNumber < 1)
        {
            return Result.Failure<IReadOnlyList<RosterEntry>>(
                new Error("Certificates.StartNumberInvalid", "起始流水号须为正整数。", nameof(startNumber)));
        }

        var toNumber = roster
            .Where(entry => entry.Passed && entry.CertificateNumber is null)
            .OrderBy(entry => entry.Sequence)
            .ToList();
        var planned = toNumber
            .Select((entry, index) => (
                Entry: entry,
                Number: CertificateNumbers.Normalize(year.CertificateNumberPattern.Format(year.Year, projectNumber, startNumber + index))))
            .ToList();
        var alreadyInRoster = roster
            .SelectMany(entry => entry.RevokedCertificates.Select(revoked => revoked.Number).Append(entry.CertificateNumber))
            .OfType<string>()
            .ToHashSet();
        var taken = planned
            .Select(plan => plan.Number)
            .Where(number => numbersInUse.Contains(number) || alreadyInRoster.Contains(number))
            .ToList();
        if (taken.Count > 0)
        {
            return Result.Failure<IReadOnlyList<RosterEntry>>(new Error(
                "Certificates.NumberInUse",
                $"以下证书编号已被使用或已撤销：{string.Join("、", taken)}。请换一个起始流水号。",
                nameof(startNumber)));
        }

        foreach (var (entry, number) in planned)
        {
            entry.AssignCertificateNumber(number);
        }

        return Result.Success<IReadOnlyList<RosterEntry>>(toNumber);
    }
}
