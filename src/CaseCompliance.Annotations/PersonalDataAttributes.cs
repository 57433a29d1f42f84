using System;

namespace CaseCompliance
{
    /// <summary>
    /// Marks personal data (personuppgift). Reading it requires a declared
    /// <see cref="ProcessingPurposeAttribute"/> in scope (rule CASE001) that is one of
    /// <see cref="Purposes"/>, when given (rule CASE002).
    /// </summary>
    /// <remarks>
    /// On a class or struct, every property and field of the type is personal data.
    /// On a method or its return value, the value the method returns is personal data.
    /// Overrides and interface implementations inherit the meaning of the member they implement.
    /// </remarks>
    [AttributeUsage(
        AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue |
        AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct,
        AllowMultiple = false, Inherited = true)]
    public sealed class PersonalDataAttribute : Attribute
    {
        /// <summary>Marks personal data of the given category.</summary>
        /// <param name="category">One of <see cref="DataCategories"/>, or a category declared in the rules file.</param>
        public PersonalDataAttribute(string category)
        {
            Category = category;
        }

        /// <summary>The category of the data, one of <see cref="DataCategories"/> or a custom one.</summary>
        public string Category { get; }

        /// <summary>
        /// The only purposes the data may be processed for (values of <see cref="CaseCompliance.Purposes"/>).
        /// Empty means any declared purpose.
        /// </summary>
        public string[] Purposes { get; set; } = new string[0];
    }

    /// <summary>
    /// Declares the purposes this code processes personal data for (ändamål). The innermost
    /// declaration wins: lambda or local function, then member, then containing types, then assembly.
    /// </summary>
    [AttributeUsage(
        AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface |
        AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property,
        AllowMultiple = false, Inherited = true)]
    public sealed class ProcessingPurposeAttribute : Attribute
    {
        /// <summary>Declares the purposes of this code.</summary>
        /// <param name="purposes">Values of <see cref="CaseCompliance.Purposes"/>, or purposes declared in the rules file.</param>
        public ProcessingPurposeAttribute(params string[] purposes)
        {
            Purposes = purposes ?? new string[0];
        }

        /// <summary>The declared purposes.</summary>
        public string[] Purposes { get; }
    }

    /// <summary>
    /// Marks a ground of discrimination (sex, age ...). Implies personal data. Decision logic must not
    /// branch on it unless a <see cref="LegalBasisAttribute"/> names the ground (rule CASE040).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Method,
        AllowMultiple = false, Inherited = true)]
    public sealed class ProtectedCharacteristicAttribute : Attribute
    {
        /// <summary>Marks a protected characteristic.</summary>
        /// <param name="ground">One of <see cref="Grounds"/>.</param>
        public ProtectedCharacteristicAttribute(string ground)
        {
            Ground = ground;
        }

        /// <summary>The ground of discrimination, one of <see cref="Grounds"/>.</summary>
        public string Ground { get; }
    }

    /// <summary>
    /// Marks a method that returns a redacted form of its argument: what comes out is no longer personal data.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class RedactorAttribute : Attribute
    {
    }

    /// <summary>
    /// Marks a method, or one of its parameters, through which data leaves the case system
    /// (logs, messages, calls to other systems). Personal data must not reach it unredacted (rule CASE060).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
    public sealed class DisclosureSinkAttribute : Attribute
    {
    }
}
