import { bearer, createUser, startTestApp, TestApp } from './harness';
import { createClass, createStudent, createYear, studentBody } from './students-fixtures';

describe('transfer of a student between two schools (two scopes, both sides audited)', () => {
  let t: TestApp;
  let sender: string;
  let receiver: string;
  let nq: string;
  let lh: string;
  let c7NQ: string;
  let c7LH: string;

  beforeAll(async () => {
    t = await startTestApp();
    sender = await t.login('hieutruong.nhuquynh');
    receiver = await t.login('hieutruong.lachong');
    nq = await t.unitId('THCS-NQ');
    lh = await t.unitId('THCS-LH');
    const year = await createYear(t, 2047);
    c7NQ = await createClass(t, nq, year.id, '7A', '7');
    c7LH = await createClass(t, lh, year.id, '7B', '7');
  });
  afterAll(() => t.close());

  const release = (studentId: string, toSchoolId = lh, token = sender) =>
    t
      .http()
      .post(`/api/schools/${nq}/students/${studentId}/transfers`)
      .set(bearer(token))
      .send({ toSchoolId, effectiveOn: '2047-11-03', reason: 'Gia đình chuyển nơi ở' });
  const act = (schoolId: string, transferId: string, action: string, token: string, body: object = {}) =>
    t.http().post(`/api/schools/${schoolId}/transfers/${transferId}/${action}`).set(bearer(token)).send(body);
  const sides = (transferId: string) =>
    t.owner.query(
      `select school_id, direction, status, decision_note from student_transfer where id = $1 order by direction`,
      [transferId],
    );

  describe('the full workflow THCS Như Quỳnh → THCS Lạc Hồng', () => {
    let studentId: string;
    let transferId: string;
    beforeAll(async () => {
      studentId = await createStudent(t, sender, nq, 'Nguyễn Thị Chuyển Trường', {
        classId: c7NQ,
        permanentAddress: 'Xã Như Quỳnh',
      });
    });

    it('the sender releases the student: an OUT row at the sender, an IN row with the record at the receiver', async () => {
      const res = await release(studentId);
      expect(res.status).toBe(201);
      transferId = res.body.id;
      expect(res.body).toMatchObject({
        direction: 'OUT',
        studentId,
        studentName: 'Nguyễn Thị Chuyển Trường',
        counterpartSchoolId: lh,
        counterpartSchoolName: 'Trường THCS Lạc Hồng',
        status: 'PENDING',
        effectiveOn: '2047-11-03',
      });
      expect(await sides(transferId)).toEqual([
        expect.objectContaining({ school_id: lh, direction: 'IN', status: 'PENDING' }),
        expect.objectContaining({ school_id: nq, direction: 'OUT', status: 'PENDING' }),
      ]);
      const [snapshot] = await t.owner.query(`select snapshot from student_transfer where school_id = $1 and id = $2`, [
        lh,
        transferId,
      ]);
      expect(snapshot.snapshot.student).toMatchObject({
        id: studentId,
        fullName: 'Nguyễn Thị Chuyển Trường',
        permanentAddress: 'Xã Như Quỳnh',
      });
      expect(snapshot.snapshot.guardians).toHaveLength(1);
      expect(snapshot.snapshot.enrolments).toEqual([expect.objectContaining({ className: '7A' })]);
      expect((await release(studentId)).body.code).toBe('transfer_pending');
    });

    it('the receiver sees it incoming, the sender outgoing, and a third school sees nothing', async () => {
      const incoming = await t
        .http()
        .get(`/api/schools/${lh}/transfers`)
        .query({ direction: 'IN', status: 'PENDING' })
        .set(bearer(receiver));
      expect(incoming.body.items).toEqual([
        expect.objectContaining({
          id: transferId,
          direction: 'IN',
          studentName: 'Nguyễn Thị Chuyển Trường',
          counterpartSchoolName: 'Trường THCS Như Quỳnh',
        }),
      ]);
      const outgoing = await t
        .http()
        .get(`/api/schools/${nq}/transfers`)
        .query({ direction: 'OUT' })
        .set(bearer(sender));
      expect(outgoing.body.items.map((x: { id: string }) => x.id)).toContain(transferId);
      // Before acceptance the receiver has no student record, and cannot read the sender's.
      expect((await t.http().get(`/api/schools/${lh}/students/${studentId}`).set(bearer(receiver))).status).toBe(404);
      expect((await t.http().get(`/api/schools/${nq}/students/${studentId}`).set(bearer(receiver))).status).toBe(404);
      const third = await t.login(await createUser(t, 'TEACHER', 'THCS-KC'));
      const kc = await t.unitId('THCS-KC');
      expect((await t.http().get(`/api/schools/${kc}/transfers`).set(bearer(third))).body.total).toBe(0);
      expect((await t.http().get(`/api/schools/${lh}/transfers`).set(bearer(third))).status).toBe(404);
      expect((await act(lh, transferId, 'accept', third)).status).toBe(403);
    });

    it('the sender cannot accept its own release, and the receiver cannot cancel it', async () => {
      const own = await act(nq, transferId, 'accept', sender);
      expect(own.status).toBe(409);
      expect(own.body.code).toBe('transfer_wrong_side');
      expect((await act(lh, transferId, 'cancel', receiver)).body.code).toBe('transfer_wrong_side');
      expect((await act(nq, transferId, 'accept', receiver)).status).toBe(404);
      expect((await sides(transferId)).map((s: { status: string }) => s.status)).toEqual(['PENDING', 'PENDING']);
    });

    it('the receiver accepts with a class: the student exists at both schools under one id, the sender keeps read-only history', async () => {
      const res = await act(lh, transferId, 'accept', receiver, { classId: c7LH });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: transferId, direction: 'IN', status: 'ACCEPTED' });
      expect((await sides(transferId)).map((s: { status: string }) => s.status)).toEqual(['ACCEPTED', 'ACCEPTED']);

      const there = await t.http().get(`/api/schools/${lh}/students/${studentId}`).set(bearer(receiver));
      expect(there.status).toBe(200);
      expect(there.body).toMatchObject({
        id: studentId,
        status: 'STUDYING',
        readOnly: false,
        className: '7B',
        permanentAddress: 'Xã Như Quỳnh',
      });
      expect(there.body.guardians).toEqual([
        expect.objectContaining({ relation: 'MOTHER', fullName: 'Lê Thị Hoa', phone: '0912345678' }),
      ]);
      expect(there.body.enrolments).toEqual([
        expect.objectContaining({ className: '7B', fromDate: '2047-11-03', toDate: null }),
      ]);
      expect(there.body.transfers).toEqual([
        expect.objectContaining({ id: transferId, direction: 'IN', status: 'ACCEPTED' }),
      ]);

      const here = await t.http().get(`/api/schools/${nq}/students/${studentId}`).set(bearer(sender));
      expect(here.body).toMatchObject({
        status: 'TRANSFERRED_OUT',
        readOnly: true,
        statusDate: '2047-11-03',
        statusReason: 'Gia đình chuyển nơi ở',
      });
      // The pupil sits in one school a day: the sender's last day (to_date, inclusive) is the day before the receiver's first.
      expect(here.body.enrolments).toEqual([expect.objectContaining({ className: '7A', toDate: '2047-11-02' })]);
      const edit = await t
        .http()
        .patch(`/api/schools/${nq}/students/${studentId}`)
        .set(bearer(sender))
        .send({ version: here.body.version, fullName: 'Nguyễn Thị Sửa' });
      expect(edit.body.code).toBe('record_read_only');
      expect((await act(lh, transferId, 'accept', receiver)).body.code).toBe('transfer_not_pending');
    });

    it('both schools keep a valid audit chain with their own side of the transfer', async () => {
      const dept = await t.login('admin.so');
      for (const [schoolId, token] of [
        [nq, sender],
        [lh, receiver],
      ]) {
        const verify = await t.http().get('/api/audit/verify').query({ schoolId }).set(bearer(token));
        expect(verify.body).toMatchObject({ schoolId, valid: true, brokenAtSeq: null });
        const rows = await t
          .http()
          .get('/api/audit')
          .query({ schoolId, entity: 'student_transfer', entityId: transferId })
          .set(bearer(dept));
        expect(rows.body.items.map((r: { action: string }) => r.action).sort()).toEqual(['CREATE', 'UPDATE']);
      }
      const [senderStudent] = await t.owner.query(
        `select after from audit_log where school_id = $1 and entity = 'student' and entity_id = $2 and after->>'status' = 'TRANSFERRED_OUT'`,
        [nq, studentId],
      );
      expect(senderStudent.after).toMatchObject({ toSchoolId: lh, statusDate: '2047-11-03' });
    });
  });

  it('the receiver rejects with a note: both sides REJECTED, the student stays at the sender and may be released again', async () => {
    const id = await createStudent(t, sender, nq, 'Trần Văn Từ Chối', { gender: 'MALE', classId: c7NQ });
    const transferId = (await release(id)).body.id;
    const res = await act(lh, transferId, 'reject', receiver, { note: 'Trường đã đủ sĩ số khối 7' });
    expect(res.status).toBe(200);
    expect(await sides(transferId)).toEqual([
      expect.objectContaining({ direction: 'IN', status: 'REJECTED', decision_note: 'Trường đã đủ sĩ số khối 7' }),
      expect.objectContaining({ direction: 'OUT', status: 'REJECTED', decision_note: 'Trường đã đủ sĩ số khối 7' }),
    ]);
    const here = await t.http().get(`/api/schools/${nq}/students/${id}`).set(bearer(sender));
    expect(here.body).toMatchObject({ status: 'STUDYING', className: '7A' });
    expect(here.body.transfers).toEqual([
      expect.objectContaining({ status: 'REJECTED', decisionNote: 'Trường đã đủ sĩ số khối 7' }),
    ]);
    expect(
      (await t.owner.query(`select count(*)::int as n from student where school_id = $1 and id = $2`, [lh, id]))[0].n,
    ).toBe(0);
    expect((await release(id)).status).toBe(201);
  });

  it('the sender cancels while pending: both sides CANCELLED, and the receiver can no longer accept', async () => {
    const id = await createStudent(t, sender, nq, 'Lê Thị Huỷ', { classId: c7NQ });
    const transferId = (await release(id)).body.id;
    const res = await act(nq, transferId, 'cancel', sender);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('CANCELLED');
    expect((await sides(transferId)).map((s: { status: string }) => s.status)).toEqual(['CANCELLED', 'CANCELLED']);
    expect((await act(lh, transferId, 'accept', receiver)).body.code).toBe('transfer_not_pending');
    expect((await act(nq, transferId, 'cancel', sender)).body.code).toBe('transfer_not_pending');
  });

  it('refuses acceptance when the personal ID is already studying at the receiving school, and changes nothing', async () => {
    const body = studentBody('Phạm Thị Trùng Mã');
    const id = await createStudent(t, sender, nq, 'Phạm Thị Trùng Mã', { personalId: body['personalId'] });
    await createStudent(t, receiver, lh, 'Phạm Thị Trùng Mã', { personalId: body['personalId'] });
    const transferId = (await release(id)).body.id;
    const res = await act(lh, transferId, 'accept', receiver, {});
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'duplicate_personal_id', field: 'personalId' });
    expect((await sides(transferId)).map((s: { status: string }) => s.status)).toEqual(['PENDING', 'PENDING']);
    const [row] = await t.owner.query(`select status from student where school_id = $1 and id = $2`, [nq, id]);
    expect(row.status).toBe('STUDYING');
  });

  it('validates the receiving school: not the same school, a school (not a unit), one that teaches the grade', async () => {
    const id = await createStudent(t, sender, nq, 'Đặng Văn Đi', { gender: 'MALE', classId: c7NQ });
    const field = async (toSchoolId: string) => (await release(id, toSchoolId)).body.errors?.[0];
    expect(await field(nq)).toMatchObject({ field: 'toSchoolId', code: 'sameSchool' });
    expect(await field(await t.unitId('PGD-VL'))).toMatchObject({ field: 'toSchoolId', code: 'unknownSchool' });
    expect(await field(await t.unitId('TH-NQA'))).toMatchObject({
      field: 'toSchoolId',
      code: 'schoolLacksGrade',
      message: 'Trường chuyển đến: trường nhận không dạy khối 7',
    });
    expect(
      (await t.owner.query(`select count(*)::int as n from student_transfer where student_id = $1`, [id]))[0].n,
    ).toBe(0);
  });

  it('lists the schools of the province a student can move to, searchable without diacritics, without the caller', async () => {
    const res = await t.http().get('/api/transfer-targets').query({ q: 'thcs lac hong' }).set(bearer(sender));
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{ id: lh, code: 'THCS-LH', name: 'Trường THCS Lạc Hồng', levels: ['LOWER_SECONDARY'] }]);
    const all = await t.http().get('/api/transfer-targets').set(bearer(sender));
    expect(all.body.map((s: { id: string }) => s.id)).not.toContain(nq);
    expect(all.body.length).toBeGreaterThan(10);
  });
});
