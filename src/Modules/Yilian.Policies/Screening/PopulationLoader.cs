using Microsoft.EntityFrameworkCore;

using Yilian.Policies.Data;

namespace Yilian.Policies.Screening;

/// <summary>Reads households and residents into columns: all of them, or only households changed after an import sequence number.</summary>
internal static class PopulationLoader
{
    public static async Task<Population> LoadAsync(PoliciesDbContext db, long? changedAfter, CancellationToken ct)
    {
        var householdQuery = db.Households.AsNoTracking();
        var residentQuery = db.Residents.AsNoTracking();
        if (changedAfter is { } seq)
        {
            householdQuery = householdQuery.Where(h => h.ChangeSeq > seq);
            residentQuery = residentQuery.Where(r => db.Households.Any(h => h.Id == r.HouseholdId && h.ChangeSeq > seq));
        }

        var households = await householdQuery
            .Select(h => new { h.Id, h.RegionCode, h.IncomeHundredths, h.AssetsHundredths, h.SizeHundredths, h.HousingAreaHundredths, h.OwnsVehicle, h.DangerousHousing, h.SuddenHardship })
            .ToListAsync(ct);
        var residents = await residentQuery
            .Select(r => new
            {
                r.Id, r.HouseholdId, r.IsHead, r.BirthDate, r.DisabilityGrade, r.DisabilityTypes, r.SpecialStatuses, r.Employment, r.Schooling,
                r.SevereIllness, r.LongTermCareNeed, r.HasSupporter, r.Receiving,
            })
            .ToListAsync(ct);
        var index = new Dictionary<Guid, int>(households.Count);
        var population = new Population(residents.Count, households.Count);
        var region = population.Region("household.registration_region").Data;
        var income = population.Number("household.per_capita_income").Data;
        var assets = population.Number("household.per_capita_assets").Data;
        var size = population.Number("household.size").Data;
        var housing = population.Number("household.housing_area_per_capita").Data;
        var vehicle = population.Boolean("household.owns_vehicle").Data;
        var dangerous = population.Boolean("household.dangerous_housing").Data;
        var sudden = population.Boolean("household.sudden_hardship").Data;
        for (var h = 0; h < households.Count; h++)
        {
            var x = households[h];
            index[x.Id] = h;
            population.HouseholdIds[h] = x.Id;
            region[h] = x.RegionCode;
            income[h] = x.IncomeHundredths ?? Population.Unknown;
            assets[h] = x.AssetsHundredths ?? Population.Unknown;
            size[h] = x.SizeHundredths ?? Population.Unknown;
            housing[h] = x.HousingAreaHundredths ?? Population.Unknown;
            vehicle[h] = Flag(x.OwnsVehicle);
            dangerous[h] = Flag(x.DangerousHousing);
            sudden[h] = Flag(x.SuddenHardship);
        }

        var birth = population.Date("person.birth_date").Data;
        var grade = population.Number("person.disability_grade").Data;
        var types = population.Choice("person.disability_type").Data;
        var statuses = population.Choice("person.special_status").Data;
        var employment = population.Choice("person.employment").Data;
        var schooling = population.Choice("person.schooling").Data;
        var illness = population.Boolean("person.severe_illness").Data;
        var care = population.Boolean("person.long_term_care_need").Data;
        var supporter = population.Boolean("person.has_supporter").Data;
        for (var i = 0; i < residents.Count; i++)
        {
            var r = residents[i];
            population.ResidentIds[i] = r.Id;
            population.Household[i] = index[r.HouseholdId];
            population.IsHead[i] = r.IsHead;
            population.Receiving[i] = r.Receiving.Length == 0 ? null : r.Receiving;
            birth[i] = r.BirthDate.DayNumber;
            grade[i] = r.DisabilityGrade is { } g ? g * 100L : Population.None;
            types[i] = r.DisabilityTypes;
            statuses[i] = r.SpecialStatuses;
            employment[i] = r.Employment;
            schooling[i] = r.Schooling;
            illness[i] = Flag(r.SevereIllness);
            care[i] = Flag(r.LongTermCareNeed);
            supporter[i] = Flag(r.HasSupporter);
        }

        return population;
    }

    private static sbyte Flag(bool? value) => value switch { null => -1, true => 1, false => 0 };
}
