namespace Yilian.Policies.Rules;

/// <summary>What a formula yields: a number (with the unit it is in), yes or no, or one of a fact's choices.</summary>
public enum FormulaType
{
    Number,
    Boolean,
    Choice,
}

/// <summary>
/// The type of a formula or of a name in it. A number's unit is money, age or a plain number; a bare literal has no
/// unit and fits any (<c>24 * minimum_living_standard</c> is money). A choice carries the codes it may hold.
/// </summary>
public sealed record FormulaKind(FormulaType Type, ValueKind? Unit = null, IReadOnlyList<string>? Choices = null)
{
    public static readonly FormulaKind Boolean = new(FormulaType.Boolean);

    public static readonly FormulaKind Literal = new(FormulaType.Number);

    public static FormulaKind Of(ValueKind kind, IReadOnlyList<string>? choices = null) => kind switch
    {
        ValueKind.Boolean => Boolean,
        ValueKind.Choice => new(FormulaType.Choice, null, choices),
        _ => new(FormulaType.Number, kind),
    };
}

/// <summary>
/// A node of a formula (derived facts, parameters, benefit amounts): parsed and type-checked by
/// <see cref="FormulaParser"/>, evaluated over whole columns by <see cref="FormulaEvaluator"/>.
/// <see cref="Column"/> is where it starts in the formula's text (1-based).
/// </summary>
public abstract record Formula(int Column)
{
    public required FormulaKind Kind { get; init; }
}

/// <summary>A number, in hundredths (as screening holds amounts).</summary>
public sealed record NumberLiteral(int Column, long Hundredths) : Formula(Column);

public sealed record BooleanLiteral(int Column, bool Value) : Formula(Column);

/// <summary>One of the choices of the fact being derived, by its position.</summary>
public sealed record ChoiceLiteral(int Column, string Code, int Bit) : Formula(Column);

/// <summary>A fact (<see cref="Attribute"/> set) or a parameter of the same policy (<see cref="Attribute"/> null).</summary>
public sealed record Reference(int Column, string Name, AttributeDefinition? Attribute) : Formula(Column);

public sealed record Unary(int Column, string Operator, Formula Operand) : Formula(Column);

public sealed record Binary(int Column, string Operator, Formula Left, Formula Right) : Formula(Column);

/// <param name="Codes">For <c>has</c>: the bit mask of the codes asked about.</param>
public sealed record Call(int Column, string Function, IReadOnlyList<Formula> Arguments, long Codes = 0) : Formula(Column);

/// <summary>A problem in a formula, at a column of its text.</summary>
public sealed record FormulaProblem(int Column, string Message);
