/**
 * The numbers of the model, in one place. A scenario may override any of them
 * (`params:` in the scenario file). docs/model.md documents each with its source.
 */
export const DEFAULT_PARAMS = {
  /** Turns in a game when the scenario does not say. */
  turns: 12,
  /** Action points per state per turn. */
  actionPoints: 3,

  // Detection (Mandiant M-Trends median dwell days, by defence level 1..5).
  /** Median dwell days of an undetected intrusion for defence 1..5. */
  dwellDays: [416, 120, 56, 21, 10],
  /** Detection bonus (probability points) of `hunt` against operations this turn. */
  huntBonus: 0.25,
  /** Detection bonus of a situation-report (CERT link) membership. */
  sitrepDetectionBonus: 0.1,
  /** Chance that `harden` evicts each foreign access in the hardening state. */
  hardenEvictChance: 0.5,

  // Attribution (ODNI tiers none < low < moderate < high).
  /** Per-turn chance that an incident's attribution advances one tier. */
  attributionHazard: 0.25,
  /**
   * Chance that a sloppy or CERT-shared case is attributed at moderate confidence in the month its victim
   * notices it.
   */
  firstMonthAttribution: 0.2,
  /** Change of the hazard per defence level above 3 (forensic capacity). */
  attributionDefenseSlope: 0.05,
  /** Hazard multiplier when the holder investigates that incident this turn. */
  investigateMultiplier: 1.5,
  /**
   * Hazard multiplier when another adopter of the norm on assistance opens its logs to the holder this turn
   * (on top of investigating).
   */
  assistanceMultiplier: 1.5,
  /** Hazard multiplier for incidents against situation-report members. */
  sitrepAttributionMultiplier: 1.5,
  /**
   * Multiplier of the low-confidence error for incidents against situation-report members (shared forensics).
   */
  sitrepErrorMultiplier: 0.5,
  /** Hazard multiplier for operations run through a proxy. */
  proxyAttributionMultiplier: 0.5,
  /** Hazard multiplier when the holder spied on the true author this turn. */
  espionageAttributionMultiplier: 1.5,
  /** Chance that a low-confidence attribution (no false flag) names a wrong state. */
  lowConfidenceError: 0.25,

  // Non-state actors and misperception.
  /** Per-state, per-turn chance of a criminal or hacktivist incident. */
  nonStateIncidentChance: 0.12,
  /**
   * Chance that the state a non-state DDoS is launched from, having adopted the norm of due diligence, takes it
   * down first.
   */
  dueDiligenceTakedown: 0.5,
  /** Per-pair, per-turn chance that a cyber exercise is misread as an attack. */
  exerciseMisreadChance: 0.04,
  /** Tension added by a misread exercise. */
  exerciseMisreadTension: 0.5,

  // Operations.
  /** Base success chance of disrupt/destroy: base + successSlope x (cyber - 2 x defence), within 0.2-0.95. */
  effectSuccessBase: 0.7,
  successSlope: 0.05,
  /** Chance that a destructive operation is lethal. */
  lethalChance: 0.2,
  /** Economic damage of disrupt: base + dependence x factor. */
  disruptEconomyBase: 1,
  disruptDependenceFactor: 0.3,
  /** Economic damage of destroy: base + dependence x factor. */
  destroyEconomyBase: 2,
  destroyDependenceFactor: 0.5,
  /** Stability damage of ddos: base + dependence x factor. */
  ddosStabilityBase: 0.5,
  ddosDependenceFactor: 0.1,
  /** Stability damage of influence. */
  influenceStability: 1,

  // Escalation (Kreps & Schneider firebreak, Healey & Jervis inversion, Richardson).
  /** Severity of each kind of incident, before weights. */
  severity: {
    espionage: 0.3,
    preposition: 0.5,
    ddos: 0.7,
    influence: 0.5,
    disrupt: 1.5,
    destroy: 2.5,
    nonState: 0.6,
  },
  /** Weight of non-lethal cyber effects on tension (the firebreak). */
  cyberWeight: 0.6,
  /** Tension at and above which cyber counts at full weight. */
  inversionThreshold: 7,
  /**
   * Multiplier of tension from incidents whose suspect is only suspected (not attributed) when a hotline
   * links the pair.
   */
  hotlineAmbiguityFactor: 0.5,
  /**
   * Weight a victim gives to "it was criminals or hacktivists" when it spreads an unattributed incident's
   * tension over its suspects.
   */
  nonStatePrior: 0.5,
  /** Suspicion added toward every other state by an unattributed incident. */
  ambiguitySuspicion: 0.05,
  /** Suspicion a confidence tier implies toward the named state: none, low, moderate, high. */
  confidenceSuspicion: [0, 0.45, 0.75, 0.95],
  /**
   * Share of an incident's full weight its victim puts on the suspect's pair at low confidence (moderate or
   * high: all of it).
   */
  lowConfidenceBlame: 0.5,
  /**
   * Share of the blame spread onto other states that low confidence in a suspect (or in a non-state actor)
   * takes back; moderate or high takes back all of it.
   */
  lowConfidenceWithdrawal: 0.5,
  /** Tension added by capability growth (`develop`) with every other state. */
  capabilityFear: 0.15,
  /** Richardson's fatigue: every pair's tension falls by this fraction of itself each turn. */
  tensionFatigue: 0.08,
  /** Extra per-turn tension decay of a pair whose tension did not rise this turn. */
  tensionDecay: 0.5,
  /** Extra decay for consultation members. */
  consultationsDecay: 0.15,
  /** Per-turn relaxation of suspicion toward its baseline (fraction of the gap). */
  suspicionDecay: 0.15,
  /** Tension of a pair the scenario does not set. */
  initialTension: 1,
  /** Suspicion baseline. */
  suspicionBaseline: 0.15,
  /** Suspicion decay multiplier toward states with a published doctrine. */
  doctrineSuspicionDecay: 2,
  /**
   * Tension at which a pair reaches the brink (armed conflict needs a strike, or both sides standing firm
   * there).
   */
  armedConflictTension: 9,
  /**
   * Tension a pair comes down to when it steps back from the brink together (or one side does, over a hotline
   * or consultations).
   */
  brinkExitTension: 7,
  /** Tension relief when one side alone stands down, without a hotline or consultations. */
  brinkStandDownRelief: 1.5,
  /** Stability a state loses by backing down alone (face). */
  brinkBackDownStability: 0.5,
  /** Chance that a standoff in which both sides stand firm turns into war, per turn. */
  brinkWarChance: 0.2,
  /** Multiplier of that chance when a hotline or consultations link the pair. */
  brinkChannelFactor: 0.5,

  // Overt diplomacy and force.
  /** Reputation lost by the accused when rightly named at moderate or high confidence. */
  accusedReputation: 1,
  /** Reputation gained by a correct public attribution at moderate or high. */
  correctAttributionReputation: 0.5,
  /** Reputation lost by naming the wrong state. */
  wrongAttributionReputation: 2,
  /**
   * Tension with a wrongly accused state (naming the right one adds none: it is a response, not an
   * escalation).
   */
  wrongAttributionTension: 2,
  /** Sanction: target economy loss, sanctioner economy loss, tension. */
  sanctionDamage: 1.5,
  sanctionCost: 0.4,
  sanctionTension: 0.7,
  /** Reputation lost by sanctioning a state not publicly attributed against you. */
  unjustifiedSanctionReputation: 1,
  /** Expulsion tension. */
  expelTension: 0.6,
  /** Mobilisation tension with the target. */
  mobilizeTension: 1,
  /** Share of an attack's weight that each ally of its victim adds to its own tension with the attacker. */
  allianceSolidarity: 0.5,
  /** What mobilising costs the mobiliser's economy. */
  mobilizeCost: 0.5,
  /**
   * Economy a state's digital economy grows per turn per point of digital dependence, when its relations are
   * calm.
   */
  digitalGrowth: 0.03,
  /** Statement: reassurance lowers tension with its target(s); a warning raises it. */
  reassureTension: 0.3,
  warnTension: 0.2,
  /** Inquiry answers: tension relief with the inquirer. */
  denyRelief: 0.3,
  explainRelief: 0.6,
  acknowledgeRelief: 0.8,
  /** Suspicion relief of a denial or an explanation. */
  denySuspicionRelief: 0.15,
  /** Tension added when an inquiry goes unanswered. */
  unansweredInquiryTension: 0.5,
  /** Reputation lost when a denial is exposed by a later attribution at moderate+. */
  exposedDenialReputation: 1.5,

  // Norms and pledges (GGE 2015, Fearon, Axelrod's norms game).
  /** Reputation cost of a publicly attributed norm violation. */
  normViolationReputation: 2,
  /** Reputation a code-of-conduct member loses per article it is caught breaking. */
  codeBreachReputation: 2,
  /**
   * Economy a state loses per other state's coalition measures, for a broken pledge, code-of-conduct article
   * or norm.
   */
  coalitionSanction: 0.5,
  /** Share of the states at the table whose acceptance adopts a norm negotiated in play (at least two). */
  normAdoptionShare: 0.6,
  /** Reputation an adopter loses per adopted norm it is caught breaking. */
  normBreachReputation: 2,
  /** Reputation cost of breaking a no-first-use pledge. */
  pledgeBreachReputation: 3,
  /** Tension added with every pledger when a pledge is broken. */
  pledgeBreachTension: 1.5,

  // End and score.
  /** Loss of every state in armed conflict. */
  armedConflictLoss: 10,
  /** Extra loss of the two belligerents. */
  belligerentLoss: 5,
  /** Extra loss of the initiator. */
  initiatorLoss: 10,
  /** Peace: max pair tension, consecutive calm turns, min kinds of CBM binding pairs, bonus. */
  peaceMaxTension: 3,
  peaceTurns: 7,
  peaceMinCbms: 2,
  peaceBonus: 5,
  /** Proposals expire after this many turns unanswered. */
  proposalLifetime: 2,
};

/** The model's parameter set: the defaults, possibly overridden by a scenario. */
export type ModelParams = typeof DEFAULT_PARAMS;
