using InteropHub.Sandbox.Pdnd;
using Microsoft.Extensions.Time.Testing;

namespace InteropHub.Sandbox.Tests.Pdnd;

/// <summary>A started sandbox on a fake clock, shared by the tests of a class, each with its own identities.</summary>
public sealed class SandboxFixture : IDisposable
{
    public SandboxFixture()
        : this(new PdndSandboxSettings())
    {
    }

    internal SandboxFixture(PdndSandboxSettings settings)
    {
        Host = SandboxHost.Start(new SandboxSettings { TimeProvider = Time, Pdnd = settings });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public SandboxHost Host { get; }

    public void Dispose() => Host.Dispose();
}
