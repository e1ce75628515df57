using System.Globalization;
using System.Reflection;
using Yilian.SharedKernel.Errors;

namespace Yilian.ArchitectureTests;

/// <summary>Business rules are named once, in each module's rules catalogue, and each says something in both languages.</summary>
public class NamedRuleTests
{
    private static readonly Assembly[] Modules =
    [
        typeof(Platform.PlatformModule).Assembly, typeof(Organizations.OrganizationsModule).Assembly, typeof(Projects.ProjectsModule).Assembly,
        typeof(Activities.ActivitiesModule).Assembly, typeof(Volunteers.VolunteersModule).Assembly, typeof(Policies.PoliciesModule).Assembly,
        typeof(Finance.FinanceModule).Assembly, typeof(Supply.SupplyModule).Assembly, typeof(Discovery.DiscoveryModule).Assembly, typeof(Neighbours.NeighboursModule).Assembly,
    ];

    public static TheoryData<string> Catalogued
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var member in Catalogue())
            {
                data.Add($"{member.DeclaringType!.FullName}.{member.Name}");
            }

            return data;
        }
    }

    private static IEnumerable<FieldInfo> Catalogue() =>
        Modules.SelectMany(m => m.GetTypes())
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Rules", StringComparison.Ordinal) && t.Namespace!.EndsWith(".Domain", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(BusinessRule));

    [Fact]
    public void EveryModuleThatRefusesHasACatalogue() =>
        Catalogue().Select(f => f.DeclaringType!.Assembly).Distinct().Count().ShouldBeGreaterThanOrEqualTo(5);

    [Theory]
    [MemberData(nameof(Catalogued))]
    public void Rule_IsNamedAfterItsField_AndSaysSomethingInBothLanguages(string fullName)
    {
        var field = Catalogue().Single(f => $"{f.DeclaringType!.FullName}.{f.Name}" == fullName);
        var rule = (BusinessRule)field.GetValue(null)!;
        rule.Name.ShouldBe(field.Name);
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            try
            {
                var message = rule.Broken("①", "②", "③", "④", "⑤").Message;
                message.ShouldNotBeNullOrWhiteSpace();
                message.ShouldNotContain("_", Case.Sensitive, $"{fullName} in {culture}: the message key was not found");
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        }
    }
}
