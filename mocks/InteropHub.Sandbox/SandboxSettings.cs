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

    /// <summary>The loopback ports to listen on; 0, the default, takes a free one.</summary>
    public SandboxPorts Ports { get; init; } = new();
}

/// <summary>One loopback port per platform sandbox; 0 takes a free port.</summary>
public sealed record SandboxPorts(int Pdnd = 0, int Anpr = 0, int PagoPa = 0);
