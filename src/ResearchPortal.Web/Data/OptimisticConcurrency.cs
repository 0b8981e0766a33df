using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchPortal.Web.Data;

/// <summary>
/// Marks the aggregates two people may edit at once (filings, close-outs, roster entries). Each provider context
/// turns the mark into its own row version: PostgreSQL's <c>xmin</c>, SQLite a counter bumped on every update.
/// </summary>
public static class OptimisticConcurrency
{
    internal const string Annotation = "ResearchPortal:OptimisticConcurrency";

    public static EntityTypeBuilder<T> HasOptimisticConcurrency<T>(this EntityTypeBuilder<T> builder)
        where T : class => builder.HasAnnotation(Annotation, true);
}

/// <summary>
/// Carries an aggregate's row version through a form's hidden field, so a save made from a stale page fails with
/// <see cref="DbUpdateConcurrencyException"/> instead of overwriting someone else's change. Works on both providers.
/// </summary>
public static class ConcurrencyToken
{
    /// <summary>The row version of a loaded entity, as text for a hidden field.</summary>
    public static string Read(PortalDbContext db, object entity) =>
        Convert.ToString(TokenProperty(db, entity).CurrentValue, CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>Tells EF the version the user's form was based on; the next SaveChanges checks the row still has it.</summary>
    public static void Expect(PortalDbContext db, object entity, string? token)
    {
        var property = TokenProperty(db, entity);
        var type = property.Metadata.ClrType;
        try
        {
            property.OriginalValue = Convert.ChangeType(token, type, CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is FormatException or OverflowException or InvalidCastException)
        {
            // A token the portal never issued (empty, tampered) cannot match any row version: expect a value the
            // row does not have, so the save fails as a conflict instead of a server error.
            var zero = Convert.ChangeType(0, type, CultureInfo.InvariantCulture);
            property.OriginalValue = Equals(property.CurrentValue, zero) ? Convert.ChangeType(1, type, CultureInfo.InvariantCulture) : zero;
        }
    }

    /// <summary>
    /// Only inside <see cref="SelectWithTokens"/>: stands for the row version of <paramref name="row"/>, as text equal to
    /// what <see cref="Read"/> gives for the loaded entity, so a list can project its rows and still carry the version.
    /// </summary>
    public static string Of(object row) => throw new InvalidOperationException($"{nameof(Of)} is only meaningful inside {nameof(SelectWithTokens)}.");

    /// <summary>A projection in which <see cref="Of"/> reads the provider's row-version column (PostgreSQL's
    /// <c>xmin</c>, SQLite's counter) in the same SQL.</summary>
    public static IQueryable<TResult> SelectWithTokens<T, TResult>(this IQueryable<T> source, PortalDbContext db, Expression<Func<T, TResult>> selector)
        where T : class
    {
        var token = db.Model.FindEntityType(typeof(T))!.GetProperties().Single(p => p.IsConcurrencyToken);
        var read = typeof(EF).GetMethod(nameof(EF.Property))!.MakeGenericMethod(token.ClrType);
        var body = new TokenReader(row => Expression.Call(
                Expression.Call(read, row, Expression.Constant(token.Name)),
                token.ClrType.GetMethod(nameof(ToString), Type.EmptyTypes)!))
            .Visit(selector.Body);
        return source.Select(Expression.Lambda<Func<T, TResult>>(body, selector.Parameters));
    }

    private sealed class TokenReader(Func<Expression, Expression> read) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method.DeclaringType == typeof(ConcurrencyToken) && node.Method.Name == nameof(Of)
                ? read(node.Arguments[0] is UnaryExpression { NodeType: ExpressionType.Convert } boxed ? boxed.Operand : node.Arguments[0])
                : base.VisitMethodCall(node);
    }

    private static PropertyEntry TokenProperty(PortalDbContext db, object entity) =>
        db.Entry(entity).Properties.SingleOrDefault(p => p.Metadata.IsConcurrencyToken)
        ?? throw new InvalidOperationException($"{entity.GetType().Name} has no optimistic concurrency token.");
}
