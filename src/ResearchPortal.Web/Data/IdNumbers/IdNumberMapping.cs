using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ResearchPortal.Domain.Enrollment;

namespace ResearchPortal.Web.Data.IdNumbers;

/// <summary>
/// How an <see cref="IdNumber"/> property is stored: the encrypted value in <see cref="ProtectedColumn"/>, the keyed
/// hash in the shadow property <see cref="HashProperty"/> and the masked form (<see cref="IdNumber.Masked"/>) in
/// <see cref="MaskedProperty"/>, both kept current by <see cref="StampHashes"/> on save.
/// </summary>
public static class IdNumberMapping
{
    public const string HashProperty = "IdNumberHash";

    /// <summary>
    /// "370102********123X": what every list shows and what the last-4 search matches, so lists neither decrypt nor
    /// hold more of the number than they display. It keeps exactly the digits the masked display already reveals.
    /// </summary>
    public const string MaskedProperty = "IdNumberMasked";
    public const string ProtectedColumn = "IdNumberProtected";
    private const string HashSourceAnnotation = "ResearchPortal:IdNumberHashSource";

    /// <summary>Used by entity configurations; the converter itself is attached by <see cref="ApplyProtection"/>.</summary>
    public static EntityTypeBuilder<T> HasProtectedIdNumber<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, IdNumber>> idNumber)
        where T : class
    {
        var property = builder.Property(idNumber).HasColumnName(ProtectedColumn).IsRequired();
        builder.Property<string>(HashProperty).HasMaxLength(IdNumberProtection.HashLength).IsFixedLength().IsRequired();
        builder.Property<string>(MaskedProperty).HasMaxLength(IdNumber.Length).IsRequired();
        builder.HasAnnotation(HashSourceAnnotation, property.Metadata.Name);
        return builder;
    }

    /// <summary>Attaches the encrypting converter to every <see cref="IdNumber"/> property of the model, so none can be
    /// stored in plaintext by forgetting a line in a configuration.</summary>
    public static void ApplyProtection(ModelBuilder modelBuilder, IdNumberProtection protection)
    {
        var converter = new ValueConverter<IdNumber, string>(
            idNumber => protection.Protect(idNumber),
            stored => protection.Unprotect(stored));
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entityType.GetDeclaredProperties().Where(p => p.ClrType == typeof(IdNumber)))
            {
                if (entityType.FindAnnotation(HashSourceAnnotation)?.Value as string != property.Name)
                {
                    throw new InvalidOperationException(
                        $"{entityType.DisplayName()}.{property.Name} must be mapped with {nameof(HasProtectedIdNumber)}.");
                }

                property.SetValueConverter(converter);
            }
        }
    }

    /// <summary>Sets the hash and the masked form of every added or changed row that carries a protected ID number.</summary>
    public static void StampHashes(ChangeTracker changeTracker, IdNumberProtection protection)
    {
        foreach (var entry in changeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)
                || entry.Metadata.FindAnnotation(HashSourceAnnotation)?.Value is not string source)
            {
                continue;
            }

            var hash = entry.Property(HashProperty);
            var idNumber = (IdNumber)entry.Property(source).CurrentValue!;
            var expected = protection.Hash(idNumber);
            if (!Equals(hash.CurrentValue, expected))
            {
                hash.CurrentValue = expected;
            }

            var masked = entry.Property(MaskedProperty);
            if (!Equals(masked.CurrentValue, idNumber.Masked))
            {
                masked.CurrentValue = idNumber.Masked;
            }
        }
    }
}

/// <summary>Fills the masked-form column of rows stored before it existed.</summary>
public static class MaskedIdNumbers
{
    /// <summary>Rows with an empty masked column (stored before the column existed) get it from their decrypted
    /// number, once, at start-up.</summary>
    public static async Task BackfillAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        await BackfillAsync(db.EnrollmentReceipts, db, cancellationToken);
        await BackfillAsync(db.RosterEntries, db, cancellationToken);
        await BackfillAsync(db.AccountIdNumbers, db, cancellationToken);
    }

    private static async Task BackfillAsync<T>(IQueryable<T> rows, PortalDbContext db, CancellationToken cancellationToken)
        where T : class
    {
        var unmasked = await rows.Where(row => EF.Property<string>(row, IdNumberMapping.MaskedProperty) == string.Empty).ToListAsync(cancellationToken);
        foreach (var row in unmasked)
        {
            db.Entry(row).State = EntityState.Modified;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
