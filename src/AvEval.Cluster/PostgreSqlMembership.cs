namespace AvEval.Cluster;

/// <summary>
/// Membership on PostgreSQL through Orleans' ADO.NET provider (Microsoft.Orleans.Clustering.AdoNet with Npgsql). The
/// provider needs its tables and stored queries in the database; the package does not ship the scripts that create
/// them, so the database must be prepared with Orleans' <c>PostgreSQL-Main.sql</c> and <c>PostgreSQL-Clustering.sql</c>
/// (from the Orleans repository, <c>src/AdoNet/</c>) before silos start (docs/scale-out.md).
/// </summary>
public static class PostgreSqlMembership
{
    /// <summary>The ADO.NET invariant name of Npgsql, as Orleans expects it.</summary>
    public const string Invariant = "Npgsql";
}
