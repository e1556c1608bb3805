import { Role } from '@emis/domain';

export interface LoginRequest {
  username: string;
  password: string;
}

export interface AuthUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  orgUnitId: string;
  orgUnitName: string;
  orgUnitKind: 'DEPARTMENT' | 'UNIT' | 'SCHOOL';
  mfaEnabled: boolean;
  locale: 'vi' | 'en';
  /** The session this access token belongs to (GET /api/auth/sessions marks it current). */
  sessionId?: string;
}

/** A completed sign-in: the access token goes in `Authorization: Bearer`; the refresh token is an httpOnly cookie. */
export interface SessionResponse {
  status: 'ok';
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: AuthUser;
}

/** The password was right; a TOTP code (or first an enrolment) is needed before a session is issued. */
export interface MfaChallengeResponse {
  /**
   * password_change_required: an administrator set a one-time password; POST /api/auth/password/first with the new
   * one comes first, and answers with the next step.
   */
  status: 'mfa_required' | 'mfa_enrollment_required' | 'password_change_required';
  /** Short-lived token naming this half-finished sign-in; send it with the code. */
  mfaToken: string;
}

export type LoginResponse = SessionResponse | MfaChallengeResponse;

export interface MfaEnrollmentStart {
  secret: string;
  otpauthUrl: string;
  /** PNG data URL of the QR code for authenticator apps. */
  qrDataUrl: string;
}

export interface MfaCodeRequest {
  /** From the login response; omitted when a signed-in user enrols from the account page. */
  mfaToken?: string;
  /** A TOTP code, or (at sign-in only) one of the user's recovery codes in `recoveryCode`. */
  code?: string;
  recoveryCode?: string;
}

/** Enrolment done: the session, and the recovery codes shown this once. */
export interface EnrollmentConfirmed extends SessionResponse {
  recoveryCodes: string[];
}

/** POST /api/auth/password/first: the first password after an administrator's one-time password. */
export interface FirstPasswordRequest {
  mfaToken: string;
  newPassword: string;
}

export interface PasswordChangeRequest {
  currentPassword: string;
  newPassword: string;
}
