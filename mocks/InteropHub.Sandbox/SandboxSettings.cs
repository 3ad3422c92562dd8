using InteropHub.Sandbox.Anpr;
using InteropHub.Sandbox.PagoPa;
using InteropHub.Sandbox.Pdnd;

namespace InteropHub.Sandbox;

/// <summary>Settings shared by all platform sandboxes started by <see cref="SandboxHost"/>.</summary>
public sealed record SandboxSettings
{
    /// <summary>The sandboxes' clock: token lifetimes, rate-limit windows and latency faults follow it.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public PdndSandboxSettings Pdnd { get; init; } = new();

    public AnprSandboxSettings Anpr { get; init; } = new();

    public PagoPaSandboxSettings PagoPa { get; init; } = new();
}
