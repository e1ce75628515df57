using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SkiaSharp;
using Yilian.Testing;

namespace Yilian.Web.Tests;

/// <summary>Photo reports: stored re-encoded without metadata, with a thumbnail, published only after moderation.</summary>
public sealed class PhotoReportTests
{
    /// <summary>A 3000 × 2000 JPEG with an EXIF block (APP1) whose description carries a marker standing in for GPS data.</summary>
    private static byte[] PhotoWithExif(string marker)
    {
        using var bitmap = new SKBitmap(3000, 2000);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(30, 120, 200));
        }

        using var image = SKImage.FromBitmap(bitmap);
        var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 80).ToArray();
        // TIFF (little endian): IFD0 with one entry, ImageDescription (0x010E, ASCII) pointing at the marker.
        var text = Encoding.ASCII.GetBytes(marker + "\0");
        var tiff = new List<byte> { (byte)'I', (byte)'I', 0x2A, 0, 8, 0, 0, 0, 1, 0, 0x0E, 0x01, 2, 0 };
        tiff.AddRange(BitConverter.GetBytes(text.Length));
        tiff.AddRange(BitConverter.GetBytes(26));
        tiff.AddRange(new byte[4]);
        tiff.AddRange(text);
        var exif = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff).ToArray();
        var length = exif.Length + 2;
        var app1 = new byte[] { 0xFF, 0xE1, (byte)(length >> 8), (byte)(length & 0xFF) }.Concat(exif);
        return [.. jpeg.Take(2), .. app1, .. jpeg.Skip(2)];
    }

    private static MultipartFormDataContent Form(byte[] file, string fileName, string text, string? activityId = null)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(content, "file", fileName);
        form.Add(new StringContent(text), "text");
        form.Add(new StringContent("星湖街 12 号门口"), "place");
        if (activityId is not null)
        {
            form.Add(new StringContent(activityId), "activityId");
        }

        return form;
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task A_Photo_Is_Stored_Without_Its_Metadata_With_A_Thumbnail_And_Published_After_Moderation(string provider)
    {
        await using var app = await YilianApp.StartAsync(provider);
        using var volunteer = await app.ClientAsAsync("volunteer");
        using var org = await app.ClientAsAsync("orgadmin");
        using var stranger = app.CreateClient();
        var original = PhotoWithExif("GPS-31.3201N-120.7201E");
        Encoding.ASCII.GetString(original).ShouldContain("GPS-31.3201N");

        // Bad input first: not an image, too large, no text; nothing is stored.
        var notImage = await volunteer.PostAsync("/api/v1/photo-reports", Form(Encoding.UTF8.GetBytes("这不是图片，只是文字"), "photo.jpg", "路灯坏了"));
        notImage.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await notImage.Content.ReadAsStringAsync()).ShouldContain("不是可识别的图片");
        var huge = await volunteer.PostAsync("/api/v1/photo-reports", Form(new byte[50 * 1024 * 1024], "big.jpg", "太大了"));
        huge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await huge.Content.ReadAsStringAsync()).ShouldContain("10 MB");
        (await volunteer.PostAsync("/api/v1/photo-reports", Form(original, "p.jpg", ""))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await stranger.PostAsync("/api/v1/photo-reports", Form(original, "p.jpg", "路灯坏了"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/photo-reports?mine=true")).GetArrayLength().ShouldBe(0);

        var sent = await volunteer.PostAsync("/api/v1/photo-reports", Form(original, "IMG_0001.JPG", "星湖街路灯不亮，晚上走路不安全"));
        sent.StatusCode.ShouldBe(HttpStatusCode.Created, await sent.Content.ReadAsStringAsync());
        var report = await sent.Content.ReadFromJsonAsync<JsonElement>();
        report.GetProperty("status").GetString().ShouldBe("Pending");
        report.GetProperty("width").GetInt32().ShouldBe(2048); // scaled to fit 2048 px
        var id = report.GetProperty("id").GetString();

        // The stored image: a fresh JPEG, no APP1/EXIF block, no trace of the marker.
        var stored = await volunteer.GetByteArrayAsync($"/api/v1/photo-reports/{id}/image");
        stored[0].ShouldBe((byte)0xFF);
        stored[1].ShouldBe((byte)0xD8);
        Encoding.ASCII.GetString(stored).ShouldNotContain("GPS-31.3201N");
        Encoding.ASCII.GetString(stored).ShouldNotContain("Exif");
        using (var codec = SKCodec.Create(new MemoryStream(await volunteer.GetByteArrayAsync($"/api/v1/photo-reports/{id}/thumbnail"))))
        {
            Math.Max(codec.Info.Width, codec.Info.Height).ShouldBe(320);
        }

        // Pending: the public does not see it; the volunteer cannot approve their own.
        (await stranger.GetAsync($"/api/v1/photo-reports/{id}/image")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await volunteer.PostAsJsonAsync($"/api/v1/photo-reports/{id}/moderation", new { approve = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The community's officer moderates (the report is about the volunteer's community); a rejection needs a reason.
        using var officer = await app.ClientAsAsync("officer");
        var queue = await officer.GetFromJsonAsync<JsonElement>("/api/v1/photo-reports?status=Pending");
        queue.EnumerateArray().ShouldContain(r => r.GetProperty("id").GetString() == id);
        (await officer.PostAsJsonAsync($"/api/v1/photo-reports/{id}/moderation", new { approve = false })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var approved = await officer.PostAsJsonAsync($"/api/v1/photo-reports/{id}/moderation", new { approve = true, note = "已转交街道城管" });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        (await stranger.GetAsync($"/api/v1/photo-reports/{id}/image")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.PostAsJsonAsync($"/api/v1/photo-reports/{id}/moderation", new { approve = true })).StatusCode.ShouldBe(HttpStatusCode.Conflict); // once

        // The points rule: an approved report earns its author two points, once.
        var ledger = await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/points");
        ledger.GetProperty("balance").GetInt32().ShouldBe(2);
        ledger.GetProperty("entries").EnumerateArray().Single().GetProperty("reason").GetString()!.ShouldContain("随手拍");
        _ = org;
    }

    [Fact]
    public async Task Behind_Kestrel_A_50_MB_Photo_Gets_A_Clear_413_Not_A_Server_Error()
    {
        await using var app = await YilianApp.StartAsync(Databases.Sqlite, kestrel: true);
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("volunteer"));
        var response = await client.PostAsync("/api/v1/photo-reports", Form(new byte[50 * 1024 * 1024], "big.jpg", "太大了"));
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).ShouldContain("照片超过 10 MB");
    }
}
