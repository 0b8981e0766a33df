using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ResearchPortal.Web.Data;

/// <summary>
/// Recognises a save that lost a race to someone else's: a stale row version, or a row a unique index already holds
/// (two first saves of the same project's filing, close-out or party group, two live receipts of one person, two
/// equal certificate numbers). Pages catch these and answer with a message instead of a server error.
/// </summary>
public static class LostRace
{
    /// <summary>PostgreSQL's unique_violation.</summary>
    private const string PostgresUniqueViolation = "23505";

    /// <summary>SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.</summary>
    private static readonly int[] SqliteUniqueViolations = [2067, 1555];

    /// <summary>The save was refused because another request changed or created the same data first.</summary>
    public static bool IsLostRace(this DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException || exception.IsUniqueViolation();

    /// <summary>A unique index (or primary key) refused the save, on either provider.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresUniqueViolation,
        SqliteException sqlite => SqliteUniqueViolations.Contains(sqlite.SqliteExtendedErrorCode),
        _ => false,
    };
}
