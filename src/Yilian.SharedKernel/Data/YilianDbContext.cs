using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Yilian.SharedKernel.Auditing;
using Yilian.SharedKernel.Security;

namespace Yilian.SharedKernel.Data;

/// <summary>
/// Base of every module's DbContext. It is the one place where data scope is enforced: every entity
/// implementing <see cref="IRegionScoped"/>, <see cref="IOrganizationScoped"/> or <see cref="IUserOwned"/>
/// gets a global query filter built from the caller's <see cref="DataScope"/>, and an entity with
/// neither a scope nor <see cref="UnscopedAttribute"/> makes the model fail to build.
/// </summary>
public abstract class YilianDbContext(DbContextOptions options, IDataScopeProvider scopeProvider) : DbContext(options)
{
    private readonly DataScope _scope = scopeProvider.Current;

    /// <summary>Prefix of this module's tables, e.g. <c>platform_</c>.</summary>
    protected abstract string TablePrefix { get; }

    /// <summary>Only the Platform module creates the audit table; the others write to it in the same transaction.</summary>
    protected virtual bool OwnsAuditTable => false;

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    // Read by the query filters; EF turns them into parameters per query.
    private bool ScopeUnrestricted => _scope.IsUnrestricted;

    private List<string> ScopeDistricts => [.. _scope.Districts];

    private List<string> ScopeStreets => [.. _scope.Streets];

    private List<string> ScopeCommunities => [.. _scope.Communities];

    private List<Guid> ScopeOrganizations => [.. _scope.Organizations];

    // No caller: a value no account id can take (PostgreSQL text cannot hold NUL, so not "\0").
    private string ScopeUserId => _scope.UserId ?? "(no user)";

    /// <summary>
    /// The caller's scope as a string: two contexts with the same signature see the same rows, so a cache of what a
    /// scoped query returned may be shared between them (and only between them).
    /// </summary>
    public string ScopeSignature => string.Join('|', _scope.IsUnrestricted ? "*" : "-", Sorted(_scope.Districts), Sorted(_scope.Streets),
        Sorted(_scope.Communities), string.Join(',', _scope.Organizations.Order()), _scope.UserId);

    private static string Sorted(IEnumerable<string> codes) => string.Join(',', codes.Order(StringComparer.Ordinal));

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (IsSqlite)
        {
            // SQLite cannot compare or order DateTimeOffset stored as text; store UTC ticks instead.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }

    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var audit = modelBuilder.Entity<AuditEntry>();
        audit.ToTable("platform_audit_entries", t => t.ExcludeFromMigrations(!OwnsAuditTable));
        audit.HasKey(e => e.Id);
        audit.HasIndex(e => e.Sequence).IsUnique();
        // The sealer's "oldest unsealed first": without it each batch walks every sealed entry before it.
        audit.HasIndex(e => e.Id, "IX_platform_audit_entries_Unsealed").HasFilter("\"Sequence\" IS NULL");
        audit.HasIndex(e => e.OccurredAt);
        audit.HasIndex(e => new { e.EntityType, e.EntityId });

        ConfigureModule(modelBuilder);

        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => !t.IsOwned()).ToList())
        {
            var clr = entityType.ClrType;
            if (clr == typeof(AuditEntry) || clr.GetCustomAttribute<UnscopedAttribute>() is not null
                || entityType.GetDeclaredQueryFilters().Count > 0 || clr.IsGenericType)
            {
                continue;
            }

            var isScoped = typeof(IRegionScoped).IsAssignableFrom(clr) || typeof(IOrganizationScoped).IsAssignableFrom(clr)
                || typeof(IUserOwned).IsAssignableFrom(clr);
            if (!isScoped)
            {
                throw new InvalidOperationException(
                    $"Entity {clr.Name} has no data scope. Implement IRegionScoped, IOrganizationScoped or IUserOwned, or mark it [Unscoped(reason)].");
            }

            var method = typeof(YilianDbContext).GetMethod(nameof(ApplyInterfaceScope), BindingFlags.NonPublic | BindingFlags.Instance)!;
            method.MakeGenericMethod(clr).Invoke(this, [modelBuilder]);
        }

        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
                     .Where(p => p.PropertyInfo?.GetCustomAttribute<EncryptedAttribute>() is not null))
        {
            property.SetValueConverter(new EncryptedStringConverter());
        }

        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            var table = entityType.GetTableName();
            if (table is not null && !table.StartsWith(TablePrefix, StringComparison.Ordinal) && entityType.ClrType != typeof(AuditEntry))
            {
                entityType.SetTableName(TablePrefix + table.ToLowerInvariant());
            }
        }
    }

    protected abstract void ConfigureModule(ModelBuilder modelBuilder);

    private void ApplyInterfaceScope<T>(ModelBuilder modelBuilder)
        where T : class
    {
        var parameter = Expression.Parameter(typeof(T), "e");
        Expression? region = typeof(IRegionScoped).IsAssignableFrom(typeof(T))
            ? Expression.Property(parameter, typeof(T).GetProperty(nameof(IRegionScoped.RegionCode))!) : null;
        Expression? org = typeof(IOrganizationScoped).IsAssignableFrom(typeof(T))
            ? Expression.Property(parameter, typeof(T).GetProperty(nameof(IOrganizationScoped.OrganizationId))!) : null;
        Expression? owner = typeof(IUserOwned).IsAssignableFrom(typeof(T))
            ? Expression.Property(parameter, typeof(T).GetProperty(nameof(IUserOwned.OwnerUserId))!) : null;
        modelBuilder.Entity<T>().HasQueryFilter(BuildScopeFilter<T>(parameter, region, org, owner));
    }

    /// <summary>
    /// For an entity whose scope keys are not the conventional properties (an organization is scoped by its own Id).
    /// </summary>
    protected void ApplyScope<T>(ModelBuilder modelBuilder, Expression<Func<T, string>>? region, Expression<Func<T, Guid>>? organization)
        where T : class
    {
        var parameter = Expression.Parameter(typeof(T), "e");
        var regionBody = region is null ? null : ParameterReplacer.Replace(region.Body, region.Parameters[0], parameter);
        var orgBody = organization is null ? null : ParameterReplacer.Replace(organization.Body, organization.Parameters[0], parameter);
        modelBuilder.Entity<T>().HasQueryFilter(BuildScopeFilter<T>(parameter, regionBody, orgBody, null));
    }

    private Expression<Func<T, bool>> BuildScopeFilter<T>(ParameterExpression parameter, Expression? region, Expression? org, Expression? owner)
    {
        Expression<Func<bool>> unrestricted = () => ScopeUnrestricted;
        var body = unrestricted.Body;
        if (region is not null)
        {
            Expression<Func<string, bool>> byRegion = code =>
                ScopeDistricts.Contains(code.Substring(0, 6))
                || ScopeStreets.Contains(code.Substring(0, 9))
                || ScopeCommunities.Contains(code);
            body = Expression.OrElse(body, ParameterReplacer.Replace(byRegion.Body, byRegion.Parameters[0], region));
        }

        if (org is not null)
        {
            Expression<Func<Guid, bool>> byOrg = id => ScopeOrganizations.Contains(id);
            body = Expression.OrElse(body, ParameterReplacer.Replace(byOrg.Body, byOrg.Parameters[0], org));
        }

        if (owner is not null)
        {
            Expression<Func<string, bool>> byOwner = id => id == ScopeUserId;
            body = Expression.OrElse(body, ParameterReplacer.Replace(byOwner.Body, byOwner.Parameters[0], owner));
        }

        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        public static Expression Replace(Expression body, ParameterExpression from, Expression to) =>
            new ParameterReplacer(from, to).Visit(body);

        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
