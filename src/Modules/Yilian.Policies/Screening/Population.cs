using System.Globalization;

using Yilian.Policies.Rules;

namespace Yilian.Policies.Screening;

/// <summary>
/// Residents and their households held column by column, as the screening engine reads them: one array per
/// attribute, person attributes by resident row, household attributes by household row (each resident points
/// at its household). Numbers and money are fixed-point hundredths so that comparisons are exact and cheap.
/// </summary>
public sealed class Population
{
    /// <summary>A number or amount nobody has reported.</summary>
    public const long Unknown = long.MinValue;

    /// <summary>A number known to be absent (no disability grade): every comparison fails.</summary>
    public const long None = long.MinValue + 1;

    /// <summary>A birth date nobody has reported.</summary>
    public const int NoDate = int.MinValue;

    private readonly Dictionary<string, Column> _columns = new(StringComparer.Ordinal);

    public Population(int residents, int households)
    {
        Count = residents;
        HouseholdCount = households;
        Household = new int[residents];
        IsHead = new bool[residents];
        ResidentIds = new Guid[residents];
        HouseholdIds = new Guid[households];
        Receiving = new string?[residents];
        foreach (var attribute in AttributeCatalog.All.Values.Where(a => a.Kind != ValueKind.Age))
        {
            Declare(attribute);
        }
    }

    /// <summary>Adds an empty column (every value unknown) for a fact a department reports: built in,
    /// or declared by the district.</summary>
    public void Declare(AttributeDefinition attribute)
    {
        var length = attribute.IsHousehold ? HouseholdCount : Count;
        _columns[attribute.Name] = attribute.Kind switch
        {
            ValueKind.Money or ValueKind.Number or ValueKind.Age => new NumberColumn(attribute, Filled(length, Unknown)),
            ValueKind.Boolean => new BooleanColumn(attribute, Filled<sbyte>(length, -1)),
            ValueKind.Choice => new ChoiceColumn(attribute, new int[length], ClosedWorld.Contains(attribute.Name)),
            ValueKind.Region => new RegionColumn(attribute, new string[length]),
            _ => new DateColumn(attribute, Filled(length, NoDate)),
        };
    }

    public Column? Find(string attribute) => _columns.GetValueOrDefault(attribute);

    /// <summary>Every resident's age on the date, in hundredths (unknown without a birth date).</summary>
    public long[] Ages(DateOnly on)
    {
        var births = Date("person.birth_date").Data;
        var ages = new long[births.Length];
        Parallel.For(0, (births.Length + AgeChunk - 1) / AgeChunk, c =>
        {
            for (var i = c * AgeChunk; i < Math.Min(births.Length, (c + 1) * AgeChunk); i++)
            {
                ages[i] = births[i] == NoDate ? Unknown : SharedKernel.Age.On(DateOnly.FromDayNumber(births[i]), on) * 100L;
            }
        });
        return ages;
    }

    private const int AgeChunk = 64 * 1024;

    /// <summary>
    /// Choices where the resident data is complete: someone no department lists with a special status or a
    /// disability has none. Other choices (employment, schooling) are unknown until a department reports them.
    /// </summary>
    public static readonly IReadOnlySet<string> ClosedWorld = new HashSet<string>(["person.special_status", "person.disability_type"]);

    public int Count { get; }

    public int HouseholdCount { get; }

    public int[] Household { get; }

    /// <summary>Household policies are answered once per household, on its head's row.</summary>
    public bool[] IsHead { get; }

    public Guid[] ResidentIds { get; }

    public Guid[] HouseholdIds { get; }

    /// <summary>Policy ids the resident already receives, comma separated.</summary>
    public string?[] Receiving { get; }

    public Column this[string attribute] => _columns[attribute];

    public NumberColumn Number(string attribute) => (NumberColumn)_columns[attribute];

    public BooleanColumn Boolean(string attribute) => (BooleanColumn)_columns[attribute];

    public ChoiceColumn Choice(string attribute) => (ChoiceColumn)_columns[attribute];

    public RegionColumn Region(string attribute) => (RegionColumn)_columns[attribute];

    public DateColumn Date(string attribute) => (DateColumn)_columns[attribute];

    public static long Hundredths(decimal value) => (long)decimal.Round(value * 100m, MidpointRounding.AwayFromZero);

    /// <summary>The facts of one resident as the row-by-row evaluator takes them (the reference the engine is checked against).</summary>
    public Dictionary<string, Fact> FactsOf(int row, DateOnly asOf)
    {
        var facts = new Dictionary<string, Fact>(StringComparer.Ordinal);
        foreach (var column in _columns.Values)
        {
            var index = column.Attribute.Name.StartsWith("household.", StringComparison.Ordinal) ? Household[row] : row;
            if (column.Values(index) is { } values)
            {
                facts[column.Attribute.Name] = new Fact(values, "数据", asOf);
            }
        }

        return facts;
    }

    /// <summary>
    /// The population a snapshot held with the households read again since put in place of theirs (decision 024): the
    /// households kept in their order, then the changed ones, new households among them, each with all its residents.
    /// </summary>
    public static Population Merge(Population kept, Population changed)
    {
        var replaced = new HashSet<Guid>(changed.HouseholdIds);
        var moved = new int[kept.HouseholdCount];
        var households = new List<int>(kept.HouseholdCount);
        for (var h = 0; h < kept.HouseholdCount; h++)
        {
            moved[h] = replaced.Contains(kept.HouseholdIds[h]) ? -1 : households.Count;
            if (moved[h] >= 0)
            {
                households.Add(h);
            }
        }

        var residents = new List<int>(kept.Count);
        for (var r = 0; r < kept.Count; r++)
        {
            if (moved[kept.Household[r]] >= 0)
            {
                residents.Add(r);
            }
        }

        var merged = new Population(residents.Count + changed.Count, households.Count + changed.HouseholdCount);
        foreach (var column in kept._columns.Values.Concat(changed._columns.Values).Where(c => merged.Find(c.Attribute.Name) is null))
        {
            merged.Declare(column.Attribute);
        }

        int[] keptHouseholds = [.. households], keptResidents = [.. residents];
        Column.Gather(kept.HouseholdIds, merged.HouseholdIds, keptHouseholds, changed.HouseholdIds);
        Column.Gather(kept.ResidentIds, merged.ResidentIds, keptResidents, changed.ResidentIds);
        Column.Gather(kept.IsHead, merged.IsHead, keptResidents, changed.IsHead);
        Column.Gather(kept.Receiving, merged.Receiving, keptResidents, changed.Receiving);
        for (var i = 0; i < keptResidents.Length; i++)
        {
            merged.Household[i] = moved[kept.Household[keptResidents[i]]];
        }

        for (var j = 0; j < changed.Count; j++)
        {
            merged.Household[keptResidents.Length + j] = keptHouseholds.Length + changed.Household[j];
        }

        foreach (var column in merged._columns.Values)
        {
            var rows = column.Attribute.IsHousehold ? keptHouseholds : keptResidents;
            column.Fill(kept.Find(column.Attribute.Name), rows, changed.Find(column.Attribute.Name));
        }

        return merged;
    }

    private static T[] Filled<T>(int length, T value)
    {
        var array = new T[length];
        Array.Fill(array, value);
        return array;
    }

    public abstract class Column(AttributeDefinition attribute)
    {
        public AttributeDefinition Attribute { get; } = attribute;

        /// <summary>The value as a fact holds it; null when unknown.</summary>
        public abstract IReadOnlyList<string>? Values(int index);

        /// <summary>The values as formulas read them (hundredths, 1/0, choice masks; "none" and dates and regions unknown).</summary>
        public virtual long[] AsValues() => FormulaEvaluator.Filled(Length, Unknown);

        public abstract int Length { get; }

        /// <summary>
        /// Fills this (new, empty) column with the given rows of <paramref name="kept"/> followed by every row of
        /// <paramref name="changed"/>; a column either lacks stays unknown there.
        /// </summary>
        internal abstract void Fill(Column? kept, int[] rows, Column? changed);

        internal static void Gather<T>(T[]? kept, T[] target, int[] rows, T[]? changed)
        {
            if (kept is not null)
            {
                for (var i = 0; i < rows.Length; i++)
                {
                    target[i] = kept[rows[i]];
                }
            }

            changed?.CopyTo(target, rows.Length);
        }
    }

    public sealed class NumberColumn(AttributeDefinition attribute, long[] data) : Column(attribute)
    {
        public long[] Data { get; } = data;

        internal override void Fill(Column? kept, int[] rows, Column? changed) =>
            Gather((NumberColumn?)kept is { } k ? k.Data : null, Data, rows, (NumberColumn?)changed is { } c ? c.Data : null);

        public override int Length => Data.Length;

        public override long[] AsValues() => [.. Data.Select(v => v == None ? Unknown : v)];

        public override IReadOnlyList<string>? Values(int index) => Data[index] switch
        {
            Unknown => null,
            None => [],
            var v => [(v / 100m).ToString(CultureInfo.InvariantCulture)],
        };
    }

    public sealed class BooleanColumn(AttributeDefinition attribute, sbyte[] data) : Column(attribute)
    {
        /// <summary>−1 unknown, 0 false, 1 true.</summary>
        public sbyte[] Data { get; } = data;

        internal override void Fill(Column? kept, int[] rows, Column? changed) =>
            Gather((BooleanColumn?)kept is { } k ? k.Data : null, Data, rows, (BooleanColumn?)changed is { } c ? c.Data : null);

        public override int Length => Data.Length;

        public override long[] AsValues() => [.. Data.Select(v => v < 0 ? Unknown : (long)v)];

        public override IReadOnlyList<string>? Values(int index) => Data[index] < 0 ? null : [Data[index] == 1 ? "true" : "false"];
    }

    public sealed class ChoiceColumn(AttributeDefinition attribute, int[] data, bool closedWorld) : Column(attribute)
    {
        /// <summary>Bit i set: the i-th choice of the attribute holds.</summary>
        public int[] Data { get; } = data;

        public bool ClosedWorld { get; } = closedWorld;

        internal override void Fill(Column? kept, int[] rows, Column? changed) =>
            Gather((ChoiceColumn?)kept is { } k ? k.Data : null, Data, rows, (ChoiceColumn?)changed is { } c ? c.Data : null);

        public override int Length => Data.Length;

        public override long[] AsValues() => [.. Data.Select(v => v == 0 && !ClosedWorld ? Unknown : (long)v)];

        public int Mask(IEnumerable<string> codes) => codes.Aggregate(0, (m, c) => m | (1 << Bit(c)));

        public int Bit(string code) => Attribute.Choices!.ToList().IndexOf(code) is >= 0 and var i ? i : throw new ArgumentException($"Unknown choice {code} of {Attribute.Name}.", nameof(code));

        public override IReadOnlyList<string>? Values(int index) => Data[index] == 0 && !ClosedWorld
            ? null
            : [.. Attribute.Choices!.Where((_, i) => (Data[index] & (1 << i)) != 0)];
    }

    public sealed class RegionColumn(AttributeDefinition attribute, string[] data) : Column(attribute)
    {
        public string[] Data { get; } = data;

        internal override void Fill(Column? kept, int[] rows, Column? changed) =>
            Gather((RegionColumn?)kept is { } k ? k.Data : null, Data, rows, (RegionColumn?)changed is { } c ? c.Data : null);

        public override int Length => Data.Length;

        public override IReadOnlyList<string>? Values(int index) => Data[index] is { } v ? [v] : null;
    }

    public sealed class DateColumn(AttributeDefinition attribute, int[] data) : Column(attribute)
    {
        /// <summary><see cref="DateOnly.DayNumber"/>, or <see cref="NoDate"/>.</summary>
        public int[] Data { get; } = data;

        internal override void Fill(Column? kept, int[] rows, Column? changed) =>
            Gather((DateColumn?)kept is { } k ? k.Data : null, Data, rows, (DateColumn?)changed is { } c ? c.Data : null);

        public override int Length => Data.Length;

        public override IReadOnlyList<string>? Values(int index) =>
            Data[index] == NoDate ? null : [DateOnly.FromDayNumber(Data[index]).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
    }
}
