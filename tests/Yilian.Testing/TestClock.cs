namespace Yilian.Testing;

/// <summary>The real clock moved forward by a settable offset, so a test can let an activity's hour pass.</summary>
public sealed class TestClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Offset += by;
}
