using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Yilian.SharedKernel;

namespace Yilian.Web.Hosting;

/// <summary>Times leave the API in ISO 8601 with the Asia/Shanghai offset; any offset is accepted, a time without one is refused.</summary>
internal sealed class ChinaTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            || !(text.EndsWith('Z') || text.EndsWith('z') || HasOffset(text)))
        {
            throw new JsonException("Expected an ISO 8601 time with an offset, e.g. 2026-11-22T09:30:00+08:00.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ChinaTime.ToChina(value).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));

    private static bool HasOffset(string text)
    {
        var t = text.LastIndexOf('T');
        return t > 0 && (text.IndexOf('+', t) > 0 || text.IndexOf('-', t) > 0);
    }
}
