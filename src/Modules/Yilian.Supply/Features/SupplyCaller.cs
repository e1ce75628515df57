using System.Globalization;

using Yilian.SharedKernel;
using Yilian.SharedKernel.Security;

namespace Yilian.Supply.Features;

/// <summary>What the purchase and competition handlers ask of the caller and the clock while working in the system scope.</summary>
internal static class SupplyCaller
{
    /// <summary>The caller's own organizations, also inside the system scope (whose data scope is everything).</summary>
    public static IReadOnlyList<Guid> OrganizationsOf(IDataScopeProvider scope)
    {
        using (SystemScope.Leave())
        {
            return scope.Current.Organizations;
        }
    }

    /// <summary>A moment as the messages show it: China time to the minute.</summary>
    public static string Shown(DateTimeOffset at) => ChinaTime.ToChina(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
