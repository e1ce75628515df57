using System.Globalization;

using Yilian.Policies.Resources;

namespace Yilian.Policies.Rules;

/// <summary>
/// What the names in a formula may be. A person's formula reads the person's and the household's facts; a
/// household's formula reads household facts, and its members' facts only inside <c>sum_members</c>,
/// <c>count_members</c>, <c>min_members</c> or <c>max_members</c>. A parameter's formula reads only the policy's
/// other parameters.
/// </summary>
/// <param name="ResultChoices">The codes a derived choice fact may take (its formula's quoted words).</param>
public sealed record FormulaNames(
    Func<string, AttributeDefinition?>? Facts, IReadOnlyDictionary<string, Parameter>? Parameters, Subject Subject,
    IReadOnlyList<string>? ResultChoices = null)
{
    /// <summary>Every fact name, for "did you mean" in a problem.</summary>
    public IReadOnlyCollection<string>? FactNames { get; init; }
}

/// <summary>
/// Reads a formula — a small, safe language with no loops, no calls out and nothing but arithmetic — and checks its
/// types, naming the column of every problem:
/// numbers, <c>'quoted'</c> choice codes, <c>true</c>/<c>false</c>, fact and parameter names; <c>+ - * / %</c>
/// (also <c>× ÷</c>), comparisons, <c>and or not</c>, parentheses; functions <c>if(c, a, b)</c>, <c>min</c>,
/// <c>max</c>, <c>round(x[, digits])</c>, <c>floor</c>, <c>ceil</c>, <c>abs</c>, <c>value_or(x, fallback)</c>,
/// <c>known(x)</c>, <c>has(choice_fact, 'code', …)</c> and the member functions. Money is compared and added only
/// with money, ages with ages; a bare number fits any unit.
/// </summary>
public static class FormulaParser
{
    public const int MaxLength = 500;

    private static readonly string[] Functions =
        ["if", "min", "max", "round", "floor", "ceil", "abs", "value_or", "known", "has", "sum_members", "count_members", "min_members",
            "max_members"];

    public static Formula? Parse(string text, FormulaNames names, List<FormulaProblem> problems)
    {
        if (text.Length > MaxLength)
        {
            problems.Add(new FormulaProblem(1, PolicyText.Get("Formula_TooLong", MaxLength)));
            return null;
        }

        var tokens = Tokenize(text, problems);
        if (problems.Count > 0)
        {
            return null;
        }

        var parser = new Parser(tokens, names, problems);
        try
        {
            var formula = parser.Or(insideMembers: false);
            if (parser.Peek.Text.Length > 0)
            {
                problems.Add(new FormulaProblem(parser.Peek.Column, PolicyText.Get("Formula_Unexpected", parser.Peek.Text)));
            }

            return problems.Count == 0 ? formula : null;
        }
        catch (StopParsing)
        {
            return null;
        }
    }

    /// <summary>The facts a formula reads (to order derived facts and refuse cycles).</summary>
    public static IEnumerable<AttributeDefinition> Facts(Formula formula) => formula switch
    {
        Reference { Attribute: { } a } => [a],
        Unary u => Facts(u.Operand),
        Binary b => Facts(b.Left).Concat(Facts(b.Right)),
        Call c => c.Arguments.SelectMany(Facts),
        _ => [],
    };

    /// <summary>The parameters a formula reads.</summary>
    public static IEnumerable<string> Parameters(Formula formula) => formula switch
    {
        Reference { Attribute: null } r => [r.Name],
        Unary u => Parameters(u.Operand),
        Binary b => Parameters(b.Left).Concat(Parameters(b.Right)),
        Call c => c.Arguments.SelectMany(Parameters),
        _ => [],
    };

    internal static string KindName(FormulaKind kind) => kind.Type switch
    {
        FormulaType.Boolean => PolicyText.Get("Kind_Boolean"),
        FormulaType.Choice => PolicyText.Get("Kind_Choice"),
        _ => kind.Unit switch
        {
            ValueKind.Money => PolicyText.Get("Kind_Money"),
            ValueKind.Age => PolicyText.Get("Kind_Age"),
            _ => PolicyText.Get("Kind_Number"),
        },
    };

    private static List<Token> Tokenize(string text, List<FormulaProblem> problems)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenType.Number, text[start..i], start + 1));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenType.Name, text[start..i], start + 1));
            }
            else if (c is '\'' or '"' or '‘' or '“')
            {
                var close = c switch { '‘' => '’', '“' => '”', _ => c };
                var end = text.IndexOf(close, i + 1);
                if (end < 0)
                {
                    problems.Add(new FormulaProblem(start + 1, PolicyText.Get("Formula_Quote")));
                    return tokens;
                }

                tokens.Add(new Token(TokenType.Text, text[(i + 1)..end], start + 1));
                i = end + 1;
            }
            else
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
                var op = two is "<=" or ">=" or "==" or "!=" ? two : c switch
                {
                    '×' or '*' => "*",
                    '÷' or '/' => "/",
                    '（' or '(' => "(",
                    '）' or ')' => ")",
                    '，' or ',' => ",",
                    '+' or '-' or '%' or '<' or '>' => c.ToString(),
                    _ => null,
                };
                if (op is null)
                {
                    problems.Add(new FormulaProblem(start + 1, PolicyText.Get("Formula_Unexpected", c.ToString())));
                    return tokens;
                }

                i += op.Length == 2 ? 2 : 1;
                tokens.Add(new Token(TokenType.Operator, op, start + 1));
            }
        }

        tokens.Add(new Token(TokenType.End, "", text.Length + 1));
        return tokens;
    }

    private enum TokenType
    {
        Number,
        Name,
        Text,
        Operator,
        End,
    }

    private sealed record Token(TokenType Type, string Text, int Column);

    private sealed class StopParsing : Exception;

    /// <summary>Recursive descent, lowest precedence first: or, and, not, comparison, + -, * / %, unary minus, primary.</summary>
    private sealed class Parser(List<Token> tokens, FormulaNames names, List<FormulaProblem> problems)
    {
        private int _next;

        public Token Peek => tokens[_next];

        public Formula Or(bool insideMembers)
        {
            var left = And(insideMembers);
            while (Accept("or") is { } op)
            {
                left = Logical(op, left, And(insideMembers));
            }

            return left;
        }

        private Formula And(bool insideMembers)
        {
            var left = Not(insideMembers);
            while (Accept("and") is { } op)
            {
                left = Logical(op, left, Not(insideMembers));
            }

            return left;
        }

        private Formula Not(bool insideMembers)
        {
            if (Accept("not") is { } op)
            {
                var operand = Not(insideMembers);
                Need(operand, FormulaType.Boolean, op.Text);
                return new Unary(op.Column, "not", operand) { Kind = FormulaKind.Boolean };
            }

            return Comparison(insideMembers);
        }

        private Formula Comparison(bool insideMembers)
        {
            var left = Sum(insideMembers);
            if (Accept("<", "<=", ">", ">=", "==", "!=") is not { } op)
            {
                return left;
            }

            var right = Sum(insideMembers);
            if (left.Kind.Type == FormulaType.Boolean && right.Kind.Type == FormulaType.Boolean && op.Text is "==" or "!=")
            {
                return new Binary(op.Column, op.Text, left, right) { Kind = FormulaKind.Boolean };
            }

            Need(left, FormulaType.Number, op.Text);
            Need(right, FormulaType.Number, op.Text);
            SameUnit(op, left.Kind, right.Kind);
            return new Binary(op.Column, op.Text, left, right) { Kind = FormulaKind.Boolean };
        }

        private Formula Sum(bool insideMembers)
        {
            var left = Product(insideMembers);
            while (Accept("+", "-") is { } op)
            {
                var right = Product(insideMembers);
                Need(left, FormulaType.Number, op.Text);
                Need(right, FormulaType.Number, op.Text);
                left = new Binary(op.Column, op.Text, left, right) { Kind = SameUnit(op, left.Kind, right.Kind) };
            }

            return left;
        }

        private Formula Product(bool insideMembers)
        {
            var left = Negation(insideMembers);
            while (Accept("*", "/", "%") is { } op)
            {
                var right = Negation(insideMembers);
                Need(left, FormulaType.Number, op.Text);
                Need(right, FormulaType.Number, op.Text);
                left = new Binary(op.Column, op.Text, left, right) { Kind = ProductUnit(op, left.Kind, right.Kind) };
            }

            return left;
        }

        private Formula Negation(bool insideMembers)
        {
            if (Accept("-") is { } op)
            {
                var operand = Negation(insideMembers);
                Need(operand, FormulaType.Number, op.Text);
                return new Unary(op.Column, "-", operand) { Kind = operand.Kind };
            }

            return Primary(insideMembers);
        }

        private Formula Primary(bool insideMembers)
        {
            var token = Peek;
            _next++;
            switch (token.Type)
            {
                case TokenType.Number:
                    if (!decimal.TryParse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture,
                        out var number) || number >= 100_000_000_000m)
                    {
                        throw Stop(token.Column, PolicyText.Get("Formula_Unexpected", token.Text));
                    }

                    return new NumberLiteral(token.Column, Screening.Population.Hundredths(number)) { Kind = FormulaKind.Literal };
                case TokenType.Text:
                    if (names.ResultChoices?.ToList().IndexOf(token.Text) is not (>= 0 and var bit))
                    {
                        throw Stop(token.Column, names.ResultChoices is null
                            ? PolicyText.Get("Formula_ChoiceHere", token.Text)
                            : PolicyText.Get("Formula_NoChoice", token.Text, string.Join(" ", names.ResultChoices)));
                    }

                    return new ChoiceLiteral(token.Column, token.Text, bit) { Kind = new FormulaKind(FormulaType.Choice, null,
                        names.ResultChoices) };
                case TokenType.Operator when token.Text == "(":
                    var inner = Or(insideMembers);
                    Expect(")");
                    return inner;
                case TokenType.Name when token.Text is "true" or "false":
                    return new BooleanLiteral(token.Column, token.Text == "true") { Kind = FormulaKind.Boolean };
                case TokenType.Name when Peek.Text == "(":
                    return Function(token, insideMembers);
                case TokenType.Name:
                    return Name(token, insideMembers);
                default:
                    throw Stop(token.Column,
                        token.Type == TokenType.End ? PolicyText.Get("Formula_End") : PolicyText.Get("Formula_Unexpected", token.Text));
            }
        }

        private Reference Name(Token token, bool insideMembers)
        {
            if (names.Parameters?.TryGetValue(token.Text, out var parameter) == true)
            {
                return new Reference(token.Column, token.Text, null) { Kind = new FormulaKind(FormulaType.Number, parameter.Unit) };
            }

            var fact = names.Facts?.Invoke(token.Text);
            if (fact is null)
            {
                if (names.Facts is null && token.Text.Contains('.', StringComparison.Ordinal))
                {
                    throw Stop(token.Column, PolicyText.Get("Formula_NoFactsHere", token.Text));
                }

                var known = (names.Parameters?.Keys ?? []).Concat(names.FactNames ?? []).ToList();
                throw Stop(token.Column, known.Count == 0
                    ? PolicyText.Get("Formula_UnknownName", token.Text, "—")
                    : PolicyText.Get("Formula_UnknownName", token.Text, known.MinBy(k => PolicyParser.Distance(k, token.Text))));
            }

            if (fact.IsHousehold == false && names.Subject == Subject.Household && !insideMembers)
            {
                throw Stop(token.Column, PolicyText.Get("Formula_MemberOutside", token.Text));
            }

            if (fact.Kind is ValueKind.Date or ValueKind.Region)
            {
                throw Stop(token.Column, PolicyText.Get("Formula_NotComputable", token.Text));
            }

            return new Reference(token.Column, token.Text, fact) { Kind = FormulaKind.Of(fact.Kind, fact.Choices) };
        }

        private Call Function(Token name, bool insideMembers)
        {
            if (!Functions.Contains(name.Text))
            {
                throw Stop(name.Column, PolicyText.Get("Formula_UnknownFunction", name.Text, string.Join(" ", Functions)));
            }

            var members = name.Text.EndsWith("_members", StringComparison.Ordinal);
            if (members && (insideMembers || names.Subject != Subject.Household || names.Facts is null))
            {
                throw Stop(name.Column, PolicyText.Get("Formula_MembersHere", name.Text));
            }

            Expect("(");
            if (name.Text == "has")
            {
                return Has(name, Or(insideMembers));
            }

            var arguments = new List<Formula>();
            if (Peek.Text != ")")
            {
                do
                {
                    arguments.Add(Or(insideMembers || members));
                }
                while (Accept(",") is not null);
            }

            Expect(")");
            var (least, most) = name.Text switch
            {
                "if" => (3, 3),
                "min" or "max" or "has" => (2, 20),
                "round" or "value_or" => (name.Text == "round" ? 1 : 2, 2),
                _ => (1, 1),
            };
            if (arguments.Count < least || arguments.Count > most)
            {
                throw Stop(name.Column, PolicyText.Get("Formula_Arguments", name.Text, least == most ? $"{least}" : $"{least}–{most}"));
            }

            return name.Text switch
            {
                "if" => If(name, arguments),
                "known" => new Call(name.Column, name.Text, arguments) { Kind = FormulaKind.Boolean },
                "count_members" => Typed(name, arguments, FormulaType.Boolean, new FormulaKind(FormulaType.Number, ValueKind.Number)),
                "value_or" => new Call(name.Column, name.Text, arguments) { Kind = Same(name, arguments[0].Kind, arguments[1].Kind) },
                "round" when arguments.Count == 2 && arguments[1] is not NumberLiteral { Hundredths: 0 or 100 or 200 } =>
                    throw Stop(arguments[1].Column, PolicyText.Get("Formula_RoundDigits")),
                _ => Numeric(name, arguments),
            };
        }

        private Call If(Token name, List<Formula> arguments)
        {
            Need(arguments[0], FormulaType.Boolean, name.Text);
            return new Call(name.Column, name.Text, arguments) { Kind = Same(name, arguments[1].Kind, arguments[2].Kind) };
        }

        /// <summary><c>has(fact, 'code', …)</c>: the codes are the fact's own choices, read as words, not as values.</summary>
        private Call Has(Token name, Formula fact)
        {
            if (fact is not Reference { Attribute: { Kind: ValueKind.Choice } attribute })
            {
                throw Stop(fact.Column, PolicyText.Get("Formula_HasChoice"));
            }

            long codes = 0;
            while (Accept(",") is not null)
            {
                var code = Peek;
                _next++;
                var bit = attribute.Choices!.ToList().IndexOf(code.Text);
                if (code.Type != TokenType.Text || bit < 0)
                {
                    throw Stop(code.Column, PolicyText.Get("Formula_NoChoice", code.Text, string.Join(" ", attribute.Choices!)));
                }

                codes |= 1L << bit;
            }

            Expect(")");
            return codes == 0
                ? throw Stop(name.Column, PolicyText.Get("Formula_Arguments", name.Text, "2–20"))
                : new Call(name.Column, name.Text, [fact], codes) { Kind = FormulaKind.Boolean };
        }

        private Call Numeric(Token name, List<Formula> arguments)
        {
            var kind = arguments[0].Kind;
            foreach (var argument in arguments)
            {
                Need(argument, FormulaType.Number, name.Text);
            }

            if (name.Text is "min" or "max")
            {
                kind = arguments.Skip(1).Aggregate(kind, (k, a) => Same(name, k, a.Kind));
            }

            return new Call(name.Column, name.Text, arguments) { Kind = kind };
        }

        private Call Typed(Token name, List<Formula> arguments, FormulaType needed, FormulaKind result)
        {
            Need(arguments[0], needed, name.Text);
            return new Call(name.Column, name.Text, arguments) { Kind = result };
        }

        private Binary Logical(Token op, Formula left, Formula right)
        {
            Need(left, FormulaType.Boolean, op.Text);
            Need(right, FormulaType.Boolean, op.Text);
            return new Binary(op.Column, op.Text, left, right) { Kind = FormulaKind.Boolean };
        }

        /// <summary>Values that are added, compared or chosen between must have one unit (a bare number takes the other's).</summary>
        private FormulaKind SameUnit(Token op, FormulaKind left, FormulaKind right) =>
            left.Unit is null ? right : right.Unit is null || right.Unit == left.Unit ? left
                : throw Stop(op.Column, PolicyText.Get("Formula_UnitMismatch", op.Text, KindName(left), KindName(right)));

        private FormulaKind Same(Token op, FormulaKind left, FormulaKind right) =>
            left.Type != right.Type ? throw Stop(op.Column, PolicyText.Get("Formula_UnitMismatch", op.Text, KindName(left),
                KindName(right)))
            : left.Type == FormulaType.Number ? SameUnit(op, left, right) : left;

        /// <summary>Money times a number is money; money over money is a plain number; money times money means nothing.</summary>
        private FormulaKind ProductUnit(Token op, FormulaKind left, FormulaKind right)
        {
            static bool Plain(FormulaKind k) => k.Unit is null or ValueKind.Number;
            return op.Text switch
            {
                "*" when Plain(left) => right.Unit is null ? left : right,
                "*" when Plain(right) => left,
                "/" or "%" when Plain(right) => left,
                "/" when left.Unit == right.Unit => new FormulaKind(FormulaType.Number, ValueKind.Number),
                _ => throw Stop(op.Column, PolicyText.Get("Formula_UnitMismatch", op.Text, KindName(left), KindName(right))),
            };
        }

        private void Need(Formula formula, FormulaType type, string where)
        {
            if (formula.Kind.Type != type)
            {
                throw Stop(formula.Column, PolicyText.Get("Formula_NeedKind", where, KindName(type == FormulaType.Boolean
                    ? FormulaKind.Boolean : FormulaKind.Literal), KindName(formula.Kind)));
            }
        }

        private Token? Accept(params string[] texts)
        {
            var token = Peek;
            if (token.Type is TokenType.Operator or TokenType.Name && texts.Contains(token.Text))
            {
                _next++;
                return token;
            }

            return null;
        }

        private void Expect(string text)
        {
            if (Accept(text) is null)
            {
                throw Stop(Peek.Column, Peek.Type == TokenType.End ? PolicyText.Get("Formula_End") : PolicyText.Get("Formula_Expected",
                    text, Peek.Text));
            }
        }

        private StopParsing Stop(int column, string message)
        {
            problems.Add(new FormulaProblem(column, message));
            return new StopParsing();
        }
    }
}
