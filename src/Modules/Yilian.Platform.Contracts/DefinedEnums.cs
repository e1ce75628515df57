using System.Reflection;
using System.Text.Json;

using Microsoft.AspNetCore.Http;

using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Resources;

namespace Yilian.Platform.Contracts;

/// <summary>
/// Refuses a value no enum defines. JSON and query binding both take a number for an enum ("kind": "9" reads as
/// <c>(OrganizationKind)9</c>), which would be stored and listed as if it meant something; this filter answers 400
/// naming the field instead, for every operation of every module (<see cref="ModuleApi.MapModule"/> adds it). It looks
/// at enum parameters (route, query, form) and at the enum properties of a request body, once per operation.
/// </summary>
public static class DefinedEnums
{
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var checks = context.MethodInfo.GetParameters().Select((p, i) => (Index: i, Check: CheckFor(p)))
            .Where(x => x.Check is not null).ToList();
        if (checks.Count == 0)
        {
            return next;
        }

        return invocation =>
        {
            foreach (var (index, check) in checks)
            {
                check!(invocation.Arguments[index]);
            }

            return next(invocation);
        };
    }

    private static Action<object?>? CheckFor(ParameterInfo parameter)
    {
        if (EnumOf(parameter.ParameterType) is { } enumType)
        {
            return value => Require(parameter.Name ?? "value", enumType, value);
        }

        var type = parameter.ParameterType;
        if (type.IsPrimitive || type.Namespace is null || type.Namespace.StartsWith("Microsoft", StringComparison.Ordinal)
            || type.Namespace.StartsWith("System", StringComparison.Ordinal))
        {
            return null;
        }

        // A request body (or [AsParameters] record): its enum properties, one level deep.
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && EnumOf(p.PropertyType) is not null)
            .Select(p => (Name: JsonNamingPolicy.CamelCase.ConvertName(p.Name), Type: EnumOf(p.PropertyType)!, Property: p)).ToList();
        if (properties.Count == 0)
        {
            return null;
        }

        return value =>
        {
            if (value is null)
            {
                return;
            }

            foreach (var (name, type, property) in properties)
            {
                Require(name, type, property.GetValue(value));
            }
        };
    }

    private static Type? EnumOf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsEnum && !t.IsDefined(typeof(FlagsAttribute), inherit: false) ? t : null;
    }

    private static void Require(string field, Type enumType, object? value)
    {
        // Zero is what an absent field reads as: the handler's own "required" check answers for it.
        var number = value is null ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        if (number == 0 || Enum.IsDefined(enumType, value!))
        {
            return;
        }

        var allowed = string.Join(", ", Enum.GetNames(enumType));
        throw InputValidationException.For(field, ValidationMessages.Format("Enum_Undefined", number, allowed));
    }
}
