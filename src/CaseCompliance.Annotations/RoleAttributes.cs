using System;

namespace CaseCompliance
{
    /// <summary>
    /// Marks a method whose call retrieves a person's records on behalf of a staff member. Every path
    /// through the calling code must also record the lookup with a <see cref="LookupAuditAttribute"/>
    /// method (rule CASE010). A method that is itself a person lookup passes the duty to its callers.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class PersonLookupAttribute : Attribute
    {
    }

    /// <summary>Marks a method whose call records a staff lookup in the audit trail.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class LookupAuditAttribute : Attribute
    {
    }

    /// <summary>
    /// Marks the parameter that identifies the person a call is about (the subject of a lookup or an audit record),
    /// or the property or field that does so on a parameter's type (a request object's <c>Personnummer</c>).
    /// </summary>
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
    public sealed class SubjectAttribute : Attribute
    {
    }

    /// <summary>Marks a method whose call attests (approves) a payment.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class AttestationAttribute : Attribute
    {
    }

    /// <summary>Marks the parameter that says who attests a payment.</summary>
    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
    public sealed class AttesterAttribute : Attribute
    {
    }

    /// <summary>Marks who prepared or decided a payment. The attester must be someone else (rules CASE020, CASE021).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
    public sealed class PreparedByAttribute : Attribute
    {
    }

    /// <summary>Marks a method that verifies that two distinct people took part in a payment.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class SecondPartyCheckAttribute : Attribute
    {
    }

    /// <summary>Marks a method whose call pays money out. It must be guarded by an attestation (rule CASE022).</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class DisbursementAttribute : Attribute
    {
    }

    /// <summary>Marks a member that tells whether a payment has been attested by a second party.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class AttestationStatusAttribute : Attribute
    {
    }

    /// <summary>
    /// Marks a method whose call decides a case. It must be preceded by a
    /// <see cref="ConflictOfInterestCheckAttribute"/> call (rule CASE030).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class CaseDecisionAttribute : Attribute
    {
    }

    /// <summary>Marks a method that verifies the officer is not the subject of a case or related to them (jäv).</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class ConflictOfInterestCheckAttribute : Attribute
    {
    }

    /// <summary>
    /// Gives a symbol roles by name: the built-in ones (<c>"person-lookup"</c>, <c>"attester"</c> ...) or custom roles
    /// that the rules file declares under <c>"roles"</c> for its custom rules (<c>"first-specialist"</c>). A role that no
    /// rules file declares and that is not built in means nothing.
    /// </summary>
    [AttributeUsage(
        AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field |
        AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Event | AttributeTargets.ReturnValue,
        AllowMultiple = true, Inherited = true)]
    public sealed class CaseRoleAttribute : Attribute
    {
        /// <summary>Gives the symbol these roles.</summary>
        /// <param name="roles">Role names, built-in or declared in the rules file.</param>
        public CaseRoleAttribute(params string[] roles)
        {
            Roles = roles;
        }

        /// <summary>The role names.</summary>
        public string[] Roles { get; }
    }
}
