namespace CaseCompliance.Analyzers.Tests.Rules;

/// <summary>The staff-lookup model the CASE010–CASE012 tests share.</summary>
internal static class LookupModel
{
    public const string Source = """
        global using System;
        global using System.Collections.Generic;
        global using System.Threading.Tasks;
        global using CaseCompliance;

        public record Person(string Personnummer, string Name);
        public record Officer(string Id);
        public record SearchRequest(Officer Officer, string Personnummer, string Reason);

        public class Registry
        {
            [PersonLookup] public Person? Find([Subject] string personnummer) => null;
            [PersonLookup] public Task<Person?> FindAsync([Subject] string personnummer) => Task.FromResult<Person?>(null);
            [PersonLookup] public IEnumerable<Person> Search([Subject] string name) => Array.Empty<Person>();
            public int Count() => 0;
        }

        public class AuditLog
        {
            [LookupAudit] public void Record(Officer officer, [Subject] string personnummer, string reason) { }
            [LookupAudit] public Task RecordAsync(Officer officer, [Subject] string personnummer, string reason) => Task.CompletedTask;
            public void Note(string text) { }
        }

        """;
}
