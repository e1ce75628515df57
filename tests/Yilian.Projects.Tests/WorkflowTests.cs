using System.IO.Compression;
using System.Text;
using Yilian.Projects.Domain;
using Yilian.Projects.Features;
using Yilian.SharedKernel.Files;

namespace Yilian.Projects.Tests;

public class WorkflowValidatorTests
{
    private static WorkflowDefinition Default()
    {
        using var stream = typeof(WorkflowStore).Assembly.GetManifestResourceStream("default-workflow.json")!;
        return WorkflowStore.Parse(new StreamReader(stream).ReadToEnd());
    }

    [Fact]
    public void DefaultWorkflow_IsValid() => WorkflowValidator.Problems(Default()).ShouldBeEmpty();

    [Fact]
    public void UnreachableStage_IsNamed()
    {
        var w = Default() with { Stages = [.. Default().Stages, new StageDefinition { Code = "limbo", NameZh = "悬置", NameEn = "Limbo" }] };
        var problems = WorkflowValidator.Problems(w);
        problems.ShouldContain(p => p.Contains("'limbo' cannot be reached"));
    }

    [Fact]
    public void LoopThatNeverCloses_IsNamed()
    {
        var d = Default();
        // Remove the way from closing to closed and termination: midterm ⇄ closing can then never end.
        var w = d with { Transitions = [.. d.Transitions.Where(t => !(t.From == "closing" && t.To == "closed") && t.From != "*")] };
        var problems = WorkflowValidator.Problems(w);
        problems.ShouldContain(p => p.Contains("'closing' the project can never be closed"));
        problems.ShouldContain(p => p.Contains("'intake' the project can never be closed"));
    }

    [Fact]
    public void UnknownRolesStagesAndDocuments_AreNamed()
    {
        var d = Default();
        var w = d with
        {
            Transitions =
            [
                .. d.Transitions,
                new TransitionDefinition { From = "intake", To = "nowhere", Roles = ["Wizard"], Checks = [new CheckDefinition { Kind = CheckKind.Documents, DocumentTypes = ["spell"] }] },
            ],
        };
        var problems = WorkflowValidator.Problems(w);
        problems.ShouldContain(p => p.Contains("unknown stage 'nowhere'"));
        problems.ShouldContain(p => p.Contains("known roles"));
        problems.ShouldContain(p => p.Contains("known document types"));
    }

    [Fact]
    public void Validator_AgreesWithBruteForceOnRandomWorkflows()
    {
        // Reference: a stage can close if some path of at most N steps reaches a final stage.
        var random = new Random(3);
        for (var n = 0; n < 300; n++)
        {
            var codes = Enumerable.Range(0, random.Next(2, 7)).Select(i => $"s{i}").ToList();
            var stages = codes.Select((c, i) => new StageDefinition { Code = c, NameZh = c, NameEn = c, Final = i == codes.Count - 1, Terminal = i == codes.Count - 1 }).ToList();
            var transitions = Enumerable.Range(0, random.Next(1, 10))
                .Select(_ => new TransitionDefinition { From = codes[random.Next(codes.Count - 1)], To = codes[random.Next(codes.Count)], Roles = ["Regulator"] })
                .ToList();
            var w = new WorkflowDefinition { InitialStage = "s0", Stages = stages, Transitions = transitions };
            var problems = WorkflowValidator.Problems(w);

            bool CanClose(string from, int depth) => from == codes[^1] || (depth > 0 && transitions.Where(t => t.From == from).Any(t => CanClose(t.To, depth - 1)));
            bool Reachable(string to) => to == "s0" || Enumerable.Range(0, codes.Count).Any(d => Paths("s0", d).Contains(to));
            HashSet<string> Paths(string from, int depth) => depth == 0 ? [from] : [from, .. transitions.Where(t => t.From == from).SelectMany(t => Paths(t.To, depth - 1))];

            foreach (var s in stages.Where(s => !s.Terminal))
            {
                (problems.Any(p => p.Contains($"from stage '{s.Code}' the project can never be closed"))).ShouldBe(!CanClose(s.Code, codes.Count), $"case {n}, {s.Code}");
            }

            foreach (var s in stages)
            {
                problems.Any(p => p.Contains($"stage '{s.Code}' cannot be reached")).ShouldBe(!Reachable(s.Code), $"case {n}, {s.Code}");
            }
        }
    }
}

public class GateCheckTests
{
    private static readonly TransitionDefinition Closing = new()
    {
        From = "midterm", To = "closing", Roles = ["OrgAdmin"],
        Checks =
        [
            new CheckDefinition { Kind = CheckKind.Documents, DocumentTypes = ["closing-report", "financial-statement"] },
            new CheckDefinition { Kind = CheckKind.IndicatorsHaveActuals },
            new CheckDefinition { Kind = CheckKind.NotBefore, Anchor = DateAnchor.End, OffsetDays = -30 },
        ],
    };

    private static GateChecks.Facts Facts(DateOnly today, string[] documents, int withoutActual) =>
        new(today, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), documents.ToHashSet(), withoutActual, null);

    [Fact]
    public void EveryFailedCheckIsListed()
    {
        var failures = GateChecks.Failures(Closing, Facts(new DateOnly(2026, 6, 1), ["closing-report"], 2), english: false);
        failures.Count.ShouldBe(3);
        failures.ShouldContain("缺少必需的材料：财务报表");
        failures.ShouldContain("还有 2 项指标未填写实际完成值");
        failures.ShouldContain("须在 2026-12-01 之后才能进行此操作");
    }

    [Fact]
    public void DateGate_OpensOnItsDay() =>
        GateChecks.Failures(Closing, Facts(new DateOnly(2026, 12, 1), ["closing-report", "financial-statement"], 0), english: true).ShouldBeEmpty();
}

public class FileSnifferTests
{
    private static MemoryStream Docx()
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry("word/document.xml");
        }

        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void Sniff_KnowsKindsByContent()
    {
        FileSniffer.Sniff(new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.7 ..."))).ShouldBe(FileKind.Pdf);
        FileSniffer.Sniff(new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])).ShouldBe(FileKind.Png);
        FileSniffer.Sniff(Docx()).ShouldBe(FileKind.Docx);
        FileSniffer.Sniff(new MemoryStream(Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"))).ShouldBe(FileKind.Unknown);
        FileSniffer.Sniff(new MemoryStream(Encoding.ASCII.GetBytes("PK\u0003\u0004garbage"))).ShouldBe(FileKind.Unknown);
    }

    [Theory]
    [InlineData("报告.PDF", FileKind.Pdf)]
    [InlineData("a.docx", FileKind.Docx)]
    [InlineData("a.html", FileKind.Unknown)]
    [InlineData("a.pdf.exe", FileKind.Unknown)]
    public void KindOfExtension(string name, FileKind kind) => FileSniffer.KindOfExtension(name).ShouldBe(kind);
}
