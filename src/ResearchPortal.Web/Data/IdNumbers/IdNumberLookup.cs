using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Enrollment;

namespace ResearchPortal.Web.Data.IdNumbers;

/// <summary>Finds rows by ID number through the keyed hash, since the stored value itself is encrypted.</summary>
public sealed class IdNumberLookup(IdNumberProtection protection)
{
    public string HashOf(IdNumber idNumber) => protection.Hash(idNumber);

    /// <summary>Rows of an entity with a protected ID number (receipts, roster entries) that hold <paramref name="idNumber"/>.</summary>
    public IQueryable<T> Matching<T>(IQueryable<T> source, IdNumber idNumber)
        where T : class
    {
        var hash = HashOf(idNumber);
        return source.Where(row => EF.Property<string>(row, IdNumberMapping.HashProperty) == hash);
    }
}
